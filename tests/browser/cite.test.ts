/**
 * "Cite this" on every finding, report, function and definitions page: a plain-text citation
 * of the page with its canonical URL and an "Accessed [date]" placeholder, citations of the
 * reports behind it with their GOV.UK addresses, and copy buttons that appear only with
 * JavaScript and copy the citation with the day of copying filled in.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allProblems, launchBrowser, openPage, siteUrl, subSiteUrl, visibility } from './support/browser.ts';
import { tabPool, type TabPool } from './support/tab-pool.ts';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

let browser: Browser;
/** The citation blocks are read with JavaScript off, in one reused tab (support/tab-pool.ts). */
let noScriptTabs: TabPool;
beforeAll(async () => {
	browser = await launchBrowser();
	noScriptTabs = tabPool(browser, 1, { javaScriptEnabled: false });
});
afterAll(async () => {
	await noScriptTabs?.close();
	await browser?.close();
});

const pages = builtPages(DIST);
const citedPages = [
	...pages.filter((p) => /^(findings\/\d+-|reports\/|functions\/)[a-z0-9-]+\/$/.test(p)),
	'briefing/',
	'definitions/',
	'definitions/glossary/',
	'about/',
	'about/evidence/',
];

test('the pages that must have it are all there', () => {
	expect(citedPages.filter((p) => p.startsWith('findings/'))).toHaveLength(12);
	expect(citedPages.filter((p) => p.startsWith('reports/'))).toHaveLength(6);
	expect(citedPages.filter((p) => p.startsWith('functions/'))).toHaveLength(5);
});

describe.each(citedPages)('/%s', (path) => {
	test('has a Cite this block with a plain-text citation of the page, readable without JavaScript', async () => {
		await noScriptTabs.use(async ({ page, visit }) => {
			await visit(siteUrl(path));
			const block = page.locator('section.cite-this');
			expect(await block.count()).toBe(1);
			expect(await block.getByRole('heading', { name: 'Cite this' }).count()).toBe(1);
			const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
			const title = (await page.title()).replace(/ – LCSI Evidence Explorer$/, '');
			const citation = (await block.locator('#citation-page').textContent())!;
			expect(citation).toMatch(/^“.+” LCSI Evidence Explorer(, updated \d{1,2} [A-Z][a-z]+ \d{4})?\. /);
			// A finding is cited by its short address, /findings/N/; other pages by their canonical one.
			const number = /^findings\/(\d+)-/.exec(path)?.[1];
			expect(citation).toContain(number ? `${new URL(canonical!).origin}/findings/${number}/.` : `${canonical}.`);
			expect(citation).toMatch(/Accessed \[date\]\.$/);
			// The title cited is the page's own, and long titles are not cut.
			expect(citation).toContain(title.replace(/[.?!]$/, ''));
			// Copy buttons need JavaScript, so without it they are not offered.
			const buttons = await visibility(block.locator('button'));
			expect(buttons.found).toBeGreaterThan(0);
			expect(buttons.shown).toBe(0);
		});
	});
});

const REPORT_CITATION =
	/\(2025\) Local Civil Society Infrastructure \(LCSI\) R&D Programme - .+\. (Department for Culture, Media and Sport, )?GOV\.UK, 11 July 2025\. https:\/\/www\.gov\.uk\/government\/publications\/local-civil-society-infrastructure-lcsi-rd-programme-final-reports\/[a-z0-9-]+$/;

describe.each(citedPages.filter((p) => /^findings\//.test(p)))('/%s', (path) => {
	test("cites NAVCA's briefing first, at the headline, then only the reports that state the finding", async () => {
		await noScriptTabs.use(async ({ page, visit }) => {
			await visit(siteUrl(path));
			const originals = await page.locator('section.cite-this li .citation-text').allTextContents();
			expect(originals.length).toBeGreaterThan(0);
			expect(originals[0]).toMatch(
				/^NAVCA \(2025\) DCMS research shows critical role of local infrastructure\. NAVCA, 14 July 2025\. https:\/\/www\.navca\.org\.uk\/news\/dcms-research-shows-critical-role-of-local-infrastructure#:~:text=\S+$/,
			);
			// The headline link in the citation is the one the page offers as the source.
			expect(await page.locator(`main a[href="${originals[0]!.split(' ').at(-1)}"]`).count()).toBeGreaterThan(0);
			const reports = originals.slice(1);
			for (const text of reports) expect(text).toMatch(REPORT_CITATION);
			// Reports cited are exactly the ones the page lists as stating the finding.
			expect(reports.length).toBe(await page.locator('ul.finding-sources li').count());
		});
	});
});

describe.each(citedPages.filter((p) => /^reports\//.test(p)))('/%s', (path) => {
	test('cites the report with its exact title and GOV.UK address', async () => {
		await noScriptTabs.use(async ({ page, visit }) => {
			await visit(siteUrl(path));
			const originals = await page.locator('section.cite-this li .citation-text').allTextContents();
			expect(originals).toHaveLength(1);
			expect(originals[0]).toMatch(REPORT_CITATION);
			const linked = await page.locator('main a[href^="https://www.gov.uk/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			expect(linked).toContain(originals[0]!.split(' ').at(-1));
		});
	});
});

const FINDING = 'findings/5-local-knowledge/';

test('the copy button copies the citation with today’s date in en-GB form, and says so', async () => {
	const { page, problems, close } = await openPage(browser, siteUrl(FINDING), { permissions: ['clipboard-read', 'clipboard-write'] });
	try {
		const button = page.getByRole('button', { name: 'Copy citation of this page' });
		expect(await button.isVisible()).toBe(true);
		const shown = (await page.locator('#citation-page').textContent())!;
		await button.click();
		await page.waitForFunction(() => document.getElementById('live-announcer')?.textContent === 'Citation copied');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		const today = await page.evaluate(() => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date()));
		expect(copied).toBe(shown.replace('Accessed [date].', `Accessed ${today}.`));
		expect(copied).toMatch(/Accessed \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
		// The page keeps the placeholder: what is printed or selected by hand is not dated wrongly.
		expect(await page.locator('#citation-page').textContent()).toBe(shown);
		expect(await page.locator('section.cite-this .copy-status').textContent()).toBe('Citation copied');

		// Each report citation has its own button, named for the report, copying that citation.
		const reportButton = page.locator('section.cite-this li button').first();
		expect(await reportButton.textContent()).toMatch(/^Copy citation of the /);
		await reportButton.focus();
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.querySelector('section.cite-this li .copy-status')?.textContent === 'Citation copied');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('section.cite-this li .citation-text').first().textContent());
		expect(allProblems(problems)).toEqual([]);
	} finally {
		await close();
	}
});

test('without a usable clipboard the citation is selected for the reader to copy', async () => {
	const context = await browser.newContext();
	await context.addInitScript(() => {
		Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
	});
	const page = await context.newPage();
	try {
		await page.goto(siteUrl('reports/survey-findings/'));
		await page.getByRole('button', { name: 'Copy citation of this page' }).click();
		await page.waitForFunction(() => document.getElementById('live-announcer')?.textContent?.startsWith('Citation selected'));
		expect(await page.evaluate(() => getSelection()?.toString())).toBe(await page.locator('#citation-page').textContent());
	} finally {
		await context.close();
	}
});

test('under the sub-path the citation gives the sub-path URL', async () => {
	const { page, close } = await openPage(browser, subSiteUrl('reports/what-works/'));
	try {
		expect(await page.locator('#citation-page').textContent()).toMatch(/ https?:\/\/[^/]+\/lcsi\/reports\/what-works\/\. Accessed/);
	} finally {
		await close();
	}
});
