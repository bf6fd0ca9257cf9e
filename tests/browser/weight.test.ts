/**
 * The weight budget from the site brief, page by page: loaded in Chromium from the gzip
 * static server, a page may transfer at most 60 KB (search index excluded) of which at most
 * 15 KB JavaScript, and may request nothing from another host. The brief sets this for
 * reading pages (findings and reports); every other page is held to it too, as none needs
 * more. The table printed at the end is the one BENCHMARKS.md records.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BUDGET, inlineScriptBytes, kb, recordTransfers, summarise, type PageWeight, type Transfer } from '../../scripts/lib/page-weight.ts';
import { launchBrowser, openPage, siteUrl } from './support/browser.ts';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
const weights = new Map<string, PageWeight>();
afterAll(async () => {
	await browser?.close();
	const rows = [...weights].sort(([a], [b]) => a.localeCompare(b)).map(([path, w]) => `${`/${path}`.padEnd(58)} ${kb(w.total).padStart(6)} ${kb(w.js).padStart(6)} ${String(w.requests).padStart(4)}`);
	console.log(['Page weight (KB transferred, search index excluded)', `${'page'.padEnd(58)} ${'total'.padStart(6)} ${'JS'.padStart(6)} ${'req'.padStart(4)}`, ...rows].join('\n'));
});

async function load(path: string): Promise<{ weight: PageWeight; transfers: Transfer[]; foreign: string[] }> {
	let finished: () => Promise<Transfer[]> = async () => [];
	const { page, problems, close } = await openPage(browser, siteUrl(path), {
		allowStatus: path === '404.html' ? [404] : [],
		beforeGoto: (p) => {
			finished = recordTransfers(p);
		},
	});
	try {
		const transfers = await finished();
		return { weight: summarise(transfers, await inlineScriptBytes(page)), transfers, foreign: problems.foreignRequests };
	} finally {
		await close();
	}
}

test('transfer sizes are the compressed bytes on the wire', async () => {
	// Guards the measurement itself: the home page document must count as its gzip size
	// (plus headers), not its size on disk, or every budget below would be meaningless.
	const { transfers } = await load('');
	const doc = transfers.find((t) => t.type === 'document');
	const gzipped = gzipSync(readFileSync(`${DIST}/index.html`)).length;
	expect(doc?.bytes).toBeGreaterThan(gzipped * 0.9);
	expect(doc?.bytes).toBeLessThan(gzipped + 600);
});

// Pages load side by side: most of each test is waiting for the network to go quiet.
test.concurrent.for(builtPages(DIST))(`/%s transfers at most ${kb(BUDGET.total)} KB, ${kb(BUDGET.js)} KB of it JavaScript, all from this host`, async (path, { expect }) => {
	const { weight, foreign } = await load(path);
	weights.set(path, weight);
	expect(foreign, 'requests to other hosts').toEqual([]);
	expect(weight.total, `total bytes (${kb(weight.total)} KB)`).toBeLessThanOrEqual(BUDGET.total);
	expect(weight.js, `JavaScript bytes (${kb(weight.js)} KB)`).toBeLessThanOrEqual(BUDGET.js);
});
