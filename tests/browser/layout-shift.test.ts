/**
 * Nothing moves once it is on screen: every built page, on a phone-sized screen (the one
 * Lighthouse's mobile run uses), has a layout shift score of at most 0.01 once it has loaded
 * and settled (the target is 0); pages.test.ts checks the same on a desktop screen with the
 * load it already makes. A late reveal above content (a filter form shown by script, results
 * arriving above the footer, a web font swapping in) fails with the elements that moved and
 * by how much; and nothing is wider than the screen. Also checked, at both sizes: pages in a state a script puts them in on arrival
 * (filtered findings, a search from the URL, a selected diagram node). Scripts are held until
 * the first paint (scriptsAfterFirstPaint), as on a slow phone connection, so whatever a
 * script moves is always on screen when it moves.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { limit } from '../../scripts/lib/limit.ts';
import { launchBrowser, layoutShiftScore, layoutShifts, openPage, siteUrl } from './support/browser.ts';
import { pageFile } from './support/head-meta.ts';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

/** Layout Shift score allowed per page; "good" CLS is 0.1, and this site's target is 0. */
const MAX_SHIFT = 0.01;
const SCREENS = {
	// Not isMobile: Chromium's mobile emulation zooms a page out to fit and then reports no layout
	// shifts at all (a late reveal that Lighthouse scores 0.14 read as 0).
	phone: { viewport: { width: 412, height: 823 } },
	desktop: { viewport: { width: 1280, height: 800 } },
};

/** Redirect pages (the short /findings/N/ addresses) replace themselves at once: nothing to shift. */
const isRedirect = (path: string) => /<meta http-equiv="refresh"/i.test(readFileSync(pageFile(DIST, path), 'utf8'));

/** Pages in a state set from the URL, each with what "loaded" means for it. */
const STATES: { path: string; ready?: (page: Page) => Promise<unknown> }[] = [
	{ path: 'findings/?function=convening' },
	{ path: 'search/?q=cold+spot', ready: (page) => page.waitForSelector('[data-search-results] > li') },
	{ path: 'pathways/#node-activity-convening', ready: (page) => page.waitForSelector('[data-details-panel]:not([hidden])') },
];
/** On a phone a link to a step lands on its entry in the text version; the details stay shut. */
const PHONE_STATES = STATES.map((s) => (s.path.startsWith('pathways/#node-') ? { path: s.path, ready: (page: Page) => page.waitForSelector('[data-diagram-hint]:not([hidden])') } : s));
const targets = {
	phone: [...builtPages(DIST).filter((p) => !isRedirect(p)).map((path) => ({ path })), ...PHONE_STATES],
	desktop: STATES,
};

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

// Three pages at a time: most of each test is waiting for the page to settle.
const slot = limit(3);
describe.each(Object.keys(SCREENS) as (keyof typeof SCREENS)[])('on a %s screen', (screen) => {
	test.concurrent.for(targets[screen])(`/$path does not shift its layout (score ≤ ${MAX_SHIFT}) or run wider than the screen`, ({ path, ready }: { path: string; ready?: (page: Page) => Promise<unknown> }, { expect }) =>
		slot(async () => {
			const { page, close } = await openPage(browser, siteUrl(path), { ...SCREENS[screen], scriptsAfterFirstPaint: true, allowStatus: path === '404.html' ? [404] : [] });
			try {
				await ready?.(page);
				const shifts = await layoutShifts(page);
				const score = layoutShiftScore(shifts);
				expect(score, `layout shift ${score.toFixed(4)}: ${shifts.flatMap((s) => s.sources).join('; ')}`).toBeLessThanOrEqual(MAX_SHIFT);
				// Content wider than a phone scrolls sideways (and a mobile browser zooms the page out to fit it).
				expect(await page.evaluate(() => document.documentElement.scrollWidth), 'page width').toBeLessThanOrEqual(SCREENS[screen].viewport.width);
			} finally {
				await close();
			}
		}),
	);
});

test('the measurement sees a shift when content is pushed down after load', async () => {
	// Guards the reading itself: a paragraph inserted above the main content after first paint
	// must register, or every "no shift" above could be a reading that never sees any.
	const { page, close } = await openPage(browser, siteUrl('findings/'), SCREENS.desktop);
	try {
		await layoutShifts(page, 0);
		await page.evaluate(() => {
			const p = document.createElement('p');
			p.textContent = 'late';
			p.style.height = '200px';
			document.querySelector('main')!.prepend(p);
		});
		expect(layoutShiftScore(await layoutShifts(page))).toBeGreaterThan(MAX_SHIFT);
	} finally {
		await close();
	}
});
