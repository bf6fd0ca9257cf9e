/**
 * Every built page loads in Chromium with no console error, no uncaught exception, no failed
 * request and no request to another host, and (on this desktop-sized screen; the phone size
 * is in layout-shift.test.ts) does not shift its layout once loaded; the shared frame (skip
 * link, navigation with the current page marked, breadcrumbs, footer) is there and works.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { primaryNav } from '../../src/lib/navigation.ts';
import { allProblems, launchBrowser, layoutShiftScore, layoutShifts, openPage, siteUrl, type OpenedPage } from './support/browser.ts';
import { pageFile } from './support/head-meta.ts';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const pages = builtPages(DIST);
/** Redirect pages (the short /findings/N/ addresses) replace themselves at once: nothing to shift. */
const isRedirect = (path: string) => /<meta http-equiv="refresh"/i.test(readFileSync(pageFile(DIST, path), 'utf8'));

test('the build has every page in the site brief', () => {
	const expected = [
		'',
		'briefing/',
		'findings/',
		'definitions/',
		'definitions/glossary/',
		'functions/',
		'pathways/',
		'reports/',
		'search/',
		'about/',
		'about/evidence/',
		'404.html',
	];
	for (const path of expected) expect(pages, `missing page /${path}`).toContain(path);
	expect(pages.filter((p) => /^findings\/\d+-[a-z0-9-]+\/$/.test(p))).toHaveLength(12);
	expect(pages.filter((p) => /^reports\/[a-z0-9-]+\/$/.test(p))).toHaveLength(6);
	expect(pages.filter((p) => /^functions\/[a-z0-9-]+\/$/.test(p))).toHaveLength(5);
});

/** Layout shift score allowed per page (the target is 0); layout-shift.test.ts uses the same. */
const MAX_SHIFT = 0.01;

describe.each(pages)('/%s', (path) => {
	// One load serves both tests.
	let opened: OpenedPage;
	beforeAll(async () => {
		// Scripts wait for the first paint, so a script that moves content always does so on screen.
		opened = await openPage(browser, siteUrl(path), { scriptsAfterFirstPaint: true, allowStatus: path === '404.html' ? [404] : [] });
	});
	afterAll(() => opened?.close());

	test('loads cleanly', async () => {
		const { page, problems } = opened;
		expect(allProblems(problems)).toEqual([]);
		expect(await page.locator('h1').count()).toBe(1);
		expect(await page.locator('main#main').count()).toBe(1);
		const title = await page.title();
		expect(title.length).toBeGreaterThan(3);
		expect(title.length).toBeLessThanOrEqual(70);
		// Every h2/h3 has a stable id and, right after it, a link to itself (the copy-link control).
		const headings = await page.locator('main :is(h2, h3)').evaluateAll((els) =>
			els.map((h) => ({ text: h.textContent?.trim(), id: h.id, next: h.nextElementSibling?.matches(`a.anchor-link[href="#${h.id}"]`) ?? false })),
		);
		expect(headings.filter((h) => !h.id || !h.next)).toEqual([]);
	});

	if (!isRedirect(path)) test(`does not shift its layout on a desktop screen (score ≤ ${MAX_SHIFT})`, async () => {
		const shifts = await layoutShifts(opened.page, 100);
		const score = layoutShiftScore(shifts);
		expect(score, `layout shift ${score.toFixed(4)}: ${shifts.flatMap((s) => s.sources).join('; ')}`).toBeLessThanOrEqual(MAX_SHIFT);
	});
});

test('the skip link is the first thing Tab reaches and moves focus to the main content', async () => {
	const { page, close } = await openPage(browser, siteUrl('findings/'));
	try {
		await page.keyboard.press('Tab');
		const focused = page.locator(':focus');
		expect(await focused.textContent()).toBe('Skip to main content');
		expect(await focused.isVisible()).toBe(true);
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
	} finally {
		await close();
	}
});

test('navigation marks the current page and its section', async () => {
	const { page, close } = await openPage(browser, siteUrl('findings/'));
	try {
		const nav = page.getByRole('navigation', { name: 'Main' });
		const link = (label: string) => nav.getByRole('link', { name: label, exact: true });
		expect(await link('Findings').getAttribute('aria-current')).toBe('page');
		expect(await nav.locator('[aria-current]').count()).toBe(1);
		await page.goto(siteUrl('findings/5-local-knowledge/'));
		expect(await link('Findings').getAttribute('aria-current')).toBe('true');
		const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
		expect(await crumbs.getByRole('link', { name: 'Findings' }).isVisible()).toBe(true);
		expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe('Finding 5');
		for (const { label, path } of primaryNav) {
			await Promise.all([page.waitForURL(siteUrl(path)), link(label).click()]);
			expect(await link(label).getAttribute('aria-current'), label).toBe('page');
			expect(await page.locator('h1').count()).toBe(1);
		}
	} finally {
		await close();
	}
});
