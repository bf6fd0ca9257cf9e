/**
 * The site has every page the site brief lists, and the shared frame works: the skip link,
 * and navigation with the current page and section marked. What is checked on every page as
 * it loads (errors, weight, layout shift, axe) is in every-page.test.ts.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { primaryNav } from '../../src/lib/navigation.ts';
import { launchBrowser, openPage, siteUrl } from './support/browser.ts';
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
