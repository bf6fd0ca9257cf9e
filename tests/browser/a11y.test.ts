/**
 * axe-core on every built page, in the light and the dark colour scheme: the site brief's bar
 * is zero violations of the WCAG 2.2 A/AA rules. Colour contrast is the usual casualty of a
 * second scheme, so both are checked rather than assumed. A failure lists rule, impact,
 * element and page so it can be fixed without re-running anything.
 *
 * One browser and one context per scheme; each page gets its own tab, a few at a time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { limit } from '../../scripts/lib/limit.ts';
import { launchBrowser, siteUrl } from './support/browser.ts';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe tags each rule with the version that added it). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const schemes = ['light', 'dark'] as const;
/**
 * Every built page except redirects (the short /findings/N/ addresses): a page whose
 * meta refresh replaces it at once is never read, and axe would race the navigation. Their
 * targets are checked as pages of their own; the link checker checks each redirect's target.
 */
const pages = builtPages(DIST).filter((path) => !/<meta http-equiv="refresh"/i.test(readFileSync(join(DIST, path === '' || path.endsWith('/') ? `${path}index.html` : path), 'utf8')));
/**
 * Pages in a state a script puts them in, which the plain page list never shows: filtered
 * findings, search results, a selected theory-of-change node. Checked once the network is quiet.
 */
const STATES = ['findings/?function=convening', 'search/?q=volunteering', 'pathways/#node-activity-convening'];

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** One line per failing element: "rule (impact) on /page: selector: what is wrong". */
async function violations(page: Page, path: string): Promise<string[]> {
	// Only violations are wanted; skipping the detail of passes and incomplete checks saves time.
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] }).analyze();
	return results.violations.flatMap((v) =>
		v.nodes.map((n) => {
			const why = n.failureSummary?.replace(/^Fix (any|all) of the following:\s*/, '').replace(/\s+/g, ' ') ?? v.help;
			return `${v.id} (${v.impact ?? 'unknown'}) on /${path}: ${n.target.join(' ')}: ${why}`;
		}),
	);
}

const contexts = new Map<(typeof schemes)[number], BrowserContext>();
beforeAll(async () => {
	for (const colorScheme of schemes) contexts.set(colorScheme, await browser.newContext({ colorScheme }));
});

test.for(schemes)('the %s scheme is the one the browser reports', async (colorScheme, { expect }) => {
	const page = await contexts.get(colorScheme)!.newPage();
	try {
		await page.goto(siteUrl());
		expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
	} finally {
		await page.close();
	}
});

const targets = [
	...pages.map((path) => ({ path, waitUntil: 'load' as const })),
	...STATES.map((path) => ({ path, waitUntil: 'networkidle' as const })),
];

// Two pages at a time, one per core: axe is CPU-bound, and more tabs only slowed it down.
const slot = limit(2);
describe.each(schemes)('%s scheme', (colorScheme) => {
	test.concurrent.for(targets)('/$path has no axe violations', ({ path, waitUntil }, { expect }) =>
		slot(async () => {
			const page = await contexts.get(colorScheme)!.newPage();
			try {
				await page.goto(siteUrl(path), { waitUntil });
				expect(await violations(page, path)).toEqual([]);
			} finally {
				await page.close();
			}
		}),
	);
});
