/**
 * axe-core on every built page, in the light and the dark colour scheme: the site brief's bar
 * is zero violations of the WCAG 2.2 A/AA rules. Colour contrast is the usual casualty of a
 * second scheme, so both are checked rather than assumed. A failure lists rule, impact,
 * element and page so it can be fixed without re-running anything.
 *
 * One browser, one context per scheme, pages in turn: axe is CPU-bound and the machine has
 * two cores, so a pool would not make this faster.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, siteUrl } from './support/browser.ts';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe tags each rule with the version that added it). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const schemes = ['light', 'dark'] as const;
const pages = builtPages(DIST);

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** One line per failing element: "rule (impact) on /page: selector: what is wrong". */
async function violations(page: Page, path: string): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	return results.violations.flatMap((v) =>
		v.nodes.map((n) => {
			const why = n.failureSummary?.replace(/^Fix (any|all) of the following:\s*/, '').replace(/\s+/g, ' ') ?? v.help;
			return `${v.id} (${v.impact ?? 'unknown'}) on /${path}: ${n.target.join(' ')}: ${why}`;
		}),
	);
}

describe.each(schemes)('%s scheme', (colorScheme) => {
	let context: BrowserContext;
	let page: Page;
	beforeAll(async () => {
		context = await browser.newContext({ colorScheme });
		page = await context.newPage();
	});
	afterAll(async () => {
		await context?.close();
	});

	test('the browser really uses this scheme', async () => {
		await page.goto(siteUrl());
		expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
	});

	test.each(pages)('/%s has no axe violations', async (path) => {
		await page.goto(siteUrl(path), { waitUntil: 'load' });
		expect(await violations(page, path)).toEqual([]);
	});
});
