/**
 * axe-core on every built page, in the light and the dark colour scheme: the site brief's bar
 * is zero violations of the WCAG 2.2 A/AA rules. Colour contrast is the usual casualty of a
 * second scheme, so the dark scheme's colour rules are checked rather than assumed. A failure lists rule, impact,
 * element and page so it can be fixed without re-running anything.
 *
 * One browser and one context per scheme; each page gets its own tab, two at a time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { limit } from '../../scripts/lib/limit.ts';
import { COLOUR_RULES, axeViolations } from './support/axe.ts';
import { launchBrowser, siteUrl } from './support/browser.ts';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

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
const contexts = new Map<(typeof schemes)[number], BrowserContext>();
beforeAll(async () => {
	browser = await launchBrowser();
	for (const colorScheme of schemes) contexts.set(colorScheme, await browser.newContext({ colorScheme }));
});
afterAll(async () => {
	await browser?.close();
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

// Two pages at a time, one per core: on the 2-core machine that took 61 s against 84 s one at
// a time, while five at a time was slower than either (axe is CPU-bound).
const slot = limit(2);
describe.each(schemes)('%s scheme', (colorScheme) => {
	test.concurrent.for(targets)('/$path has no axe violations', ({ path, waitUntil }, { expect }) =>
		slot(async () => {
			const page = await contexts.get(colorScheme)!.newPage();
			try {
				await page.goto(siteUrl(path), { waitUntil });
				// Every rule in the light scheme; in the dark one only the colour rules, the only
				// ones a change of colours can break (it halves the run).
				expect(await axeViolations(page, `/${path} (${colorScheme})`, colorScheme === 'dark' ? COLOUR_RULES : undefined)).toEqual([]);
			} finally {
				await page.close();
			}
		}),
	);
});
