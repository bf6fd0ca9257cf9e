/**
 * Handouts (issue 12), printed by Chromium to A4 PDFs as a reader's browser would: each finding
 * on at most two pages with its short link and QR code and none of the screen's furniture; the
 * twelve on one page; a briefing pack of exactly the findings a reader ticked, by a shareable
 * address, that still helps without JavaScript.
 */
import { readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { allProblems, launchBrowser, openPage, siteUrl, visibility } from './support/browser.ts';
import { tabPool, type TabPool } from './support/tab-pool.ts';
import { DIST } from './support/paths.ts';
import { pdfOutlineTitles, pdfPageCount } from './support/pdf.ts';

let browser: Browser;
/** The twelve findings print from two reused tabs (support/tab-pool.ts). */
let printTabs: TabPool;
beforeAll(async () => {
	browser = await launchBrowser();
	printTabs = tabPool(browser, 2, {});
});
afterAll(async () => {
	await printTabs?.close();
	await browser?.close();
});

const FINDINGS = readdirSync(`${DIST}/findings`)
	.filter((d) => /^\d+-/.test(d))
	.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
const print = (page: Page) => page.pdf({ format: 'A4', outline: true, tagged: true });
/** A site path as the build prints it: on the origin the build was made for (SITE_URL), without the scheme. */
const printedAddress = async (page: Page, path: string) => {
	const origin = new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!).origin;
	return new URL(path, origin).href.replace(/^https?:\/\//, '');
};
const packBox = (page: Page, n: number) => page.getByRole('checkbox', { name: new RegExp(`^Add to briefing pack\\s*: finding ${n}$`) });
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

test('there are twelve finding pages to print', () => {
	expect(FINDINGS).toHaveLength(12);
});

test.concurrent.for(FINDINGS)('finding %s prints on at most two A4 pages', (dir, { expect }) =>
	printTabs.use(async ({ page, visit }) => {
		await visit(siteUrl(`findings/${dir}/`));
		const pdf = await print(page);
		expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
		expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
		// What prints: the statement's heading, the body's sections and the sources; not the
		// contents list, the aside with its diagram, or Cite this.
		const titles = pdfOutlineTitles(pdf);
		expect(titles).toEqual(expect.arrayContaining(['What the research found', 'The evidence behind it', 'What it means', 'Sources']));
		expect(titles).not.toContain('Cite this');
		expect(titles).not.toContain('Where it sits in the theory of change');
	}),
);

describe('a printed finding', () => {
	const FINDING = 'findings/6-a-bridge-between-sectors/';

	test('shows its short link and a QR code only in print, and none of the screen’s controls', async () => {
		const { page, close } = await openPage(browser, siteUrl(FINDING));
		try {
			const handout = page.locator('.handout-link');
			expect(await visibility(handout)).toEqual({ found: 1, shown: 0 });
			await page.emulateMedia({ media: 'print' });
			expect(await handout.isVisible()).toBe(true);
			expect(await handout.locator('svg.qr-code').isVisible()).toBe(true);
			expect((await handout.locator('.handout-url').textContent())?.trim()).toBe(await printedAddress(page, '/findings/6/'));
			// The QR code is drawn at build time: a grid of modules, not an image from elsewhere.
			expect(await handout.locator('svg.qr-code path').count()).toBeGreaterThan(0);
			expect(await handout.locator('img').count()).toBe(0);
			for (const selector of ['.primary-nav', '.site-header summary', '.site-search', '.breadcrumbs', '.toc', '.finding-aside', '.anchor-link', '.para-link', '.cite-this', '.share-hint', '.prev-next', '.note-backlinks']) {
				expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
			}
		} finally {
			await close();
		}
	});

	test('prints no address after site links or links to a passage, keeps headings with their text and figures whole', async () => {
		const { page, close } = await openPage(browser, siteUrl(FINDING));
		try {
			await page.emulateMedia({ media: 'print' });
			const after = (selector: string) => page.locator(selector).first().evaluate((a) => getComputedStyle(a, '::after').content);
			expect(await after('main .prose a[href^="/findings/"]')).toBe('none');
			expect(await after('main .prose a[href*=":~:"]')).toBe('none');
			expect(await after('main .note-source')).toBe('none');
			const rules = await page.evaluate(() => ({
				heading: getComputedStyle(document.querySelector('.prose .heading-wrapper')!).breakAfter,
				figure: getComputedStyle(document.querySelector('.handout-link')!).breakInside,
			}));
			expect(rules).toEqual({ heading: 'avoid', figure: 'avoid' });
		} finally {
			await close();
		}
	});
});

test('the one-page sheet prints the twelve findings on one A4 side, with a QR code to them', async () => {
	const { page, problems, close } = await openPage(browser, siteUrl('findings/sheet/'));
	try {
		expect(allProblems(problems)).toEqual([]);
		const pdf = await print(page);
		expect(pdfPageCount(pdf)).toBe(1);
		const titles = pdfOutlineTitles(pdf);
		// The outline keeps a heading's words but not the spaces at its line breaks: compare without spaces.
		const bare = (text: string) => text.replace(/\s+/g, '');
		const findingTitles = (await page.locator('.sheet-title').allTextContents()).map(bare);
		expect(findingTitles).toHaveLength(12);
		expect(titles.map(bare)).toEqual(expect.arrayContaining(findingTitles));
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.handout-link svg.qr-code').isVisible()).toBe(true);
		expect((await page.locator('.handout-url').textContent())?.trim()).toBe(await printedAddress(page, '/findings/'));
		expect(await axeViolations(page, '/findings/sheet/ (print)')).toEqual([]);
	} finally {
		await close();
	}
});

describe('the briefing pack', () => {
	const packTitles = async (page: Page) => (await page.locator('.pack-finding:visible h2').allTextContents()).map((t) => t.trim());

	test('ticking findings on /findings/ and sending the form gives the short, shareable pack address', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('findings/'));
		try {
			for (const n of [6, 1, 4]) await packBox(page, n).check();
			expect(await page.locator('[data-pack-count]').textContent()).toBe('3 findings ticked');
			await Promise.all([page.waitForURL(/\/findings\/pack\//), page.getByRole('button', { name: 'Make a briefing pack' }).click()]);
			expect(page.url()).toBe(siteUrl('findings/pack/?f=1,4,6'));
			expect(await page.locator('h1').textContent()).toBe('Briefing pack: findings 1, 4 and 6');
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('the form works without JavaScript, sending ?f=1&f=4&f=6, which the pack reads as 1,4,6', async () => {
		const noJs = await openPage(browser, siteUrl('findings/'), { javaScriptEnabled: false });
		let sent: string;
		try {
			for (const n of [1, 4, 6]) await packBox(noJs.page, n).check();
			await Promise.all([noJs.page.waitForURL(/\/findings\/pack\//), noJs.page.getByRole('button', { name: 'Make a briefing pack' }).click()]);
			sent = noJs.page.url();
			expect(new URL(sent).search).toBe('?f=1&f=4&f=6');
			// Without JavaScript: what to do, and all twelve as plain links.
			expect(await noJs.page.locator('.pack-nojs').isVisible()).toBe(true);
			expect(await noJs.page.locator('.pack-all a').count()).toBe(12);
			for (const link of await noJs.page.locator('.pack-all a').all()) expect(await link.isVisible()).toBe(true);
			expect(await noJs.page.locator('.pack-finding:visible').count()).toBe(0);
		} finally {
			await noJs.close();
		}
		const { page, close } = await openPage(browser, sent);
		try {
			expect(page.url()).toBe(siteUrl('findings/pack/?f=1,4,6'));
			expect(await packTitles(page)).toHaveLength(3);
		} finally {
			await close();
		}
	});

	test('prints exactly the chosen findings, each with its own short link', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('findings/pack/?f=6,1,4'));
		try {
			expect(allProblems(problems)).toEqual([]);
			const allTwelve = (await page.locator('[data-pack-number] h2').allTextContents()).map(squash);
			expect(allTwelve).toHaveLength(12);
			const pdf = await print(page);
			const titles = pdfOutlineTitles(pdf).map(squash);
			// Of the twelve findings, the printed headings are exactly 1, 4 and 6, in that order.
			expect(titles.filter((t) => allTwelve.includes(t))).toEqual([allTwelve[0], allTwelve[3], allTwelve[5]]);
			expect(titles).toContain('Briefing pack: findings 1, 4 and 6');
			await page.emulateMedia({ media: 'print' });
			const addresses = await Promise.all([1, 4, 6].map((n) => printedAddress(page, `/findings/${n}/`)));
			expect((await page.locator('.pack-finding:visible .handout-url').allTextContents()).map((t) => t.trim())).toEqual(addresses);
			expect(await visibility(page.locator('.pack-all'))).toEqual({ found: 1, shown: 0 });
			expect(await axeViolations(page, '/findings/pack/?f=1,4,6 (print)')).toEqual([]);
		} finally {
			await close();
		}
	});

	test('with nothing chosen it says how to choose and lists all twelve', async () => {
		const { page, close } = await openPage(browser, siteUrl('findings/pack/?f=99'));
		try {
			expect(await page.locator('[data-pack-status]').textContent()).toContain('No findings are chosen yet');
			expect(await page.locator('.pack-all a:visible').count()).toBe(12);
			expect(await page.locator('.pack-finding:visible').count()).toBe(0);
			expect(await axeViolations(page, '/findings/pack/?f=99')).toEqual([]);
		} finally {
			await close();
		}
	});
});
