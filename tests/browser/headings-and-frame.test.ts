/**
 * The shared frame in use: copy-link controls (with and without the Clipboard API), the print
 * stylesheet, the dark scheme and reading with JavaScript off. (Every page under the sub-path
 * build is checked in every-page.test.ts.)
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allProblems, launchBrowser, openPage, siteUrl } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const FINDING = 'findings/5-local-knowledge/';

describe('copy link to a section', () => {
	test('is reachable by keyboard and copies the finding’s short URL with the section', async () => {
		const { page, close } = await openPage(browser, siteUrl(FINDING), { permissions: ['clipboard-read', 'clipboard-write'] });
		try {
			const heading = page.locator('h2#the-evidence-behind-it');
			const control = page.locator('a.anchor-link[href="#the-evidence-behind-it"]');
			expect(await control.getAttribute('href')).toBe('#the-evidence-behind-it');
			expect(await control.isVisible()).toBe(true);
			expect(await control.textContent()).toContain('Copy link to section: The evidence behind it');
			// Reach it with Tab from the heading's position, as a keyboard user would.
			await heading.evaluate((h) => {
				h.setAttribute('tabindex', '-1');
				(h as HTMLElement).focus();
			});
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#the-evidence-behind-it');
			const outline = await control.evaluate((el) => getComputedStyle(el).outlineStyle);
			expect(outline).not.toBe('none');
			await page.keyboard.press('Enter');
			await page.waitForFunction(() => document.getElementById('live-announcer')?.textContent === 'Link copied');
			const copied = await page.evaluate(() => navigator.clipboard.readText());
			// A finding is shared by its short address, which keeps the section when it moves on.
			expect(copied).toBe(siteUrl('findings/5/#the-evidence-behind-it'));
			expect(new URL(page.url()).hash).toBe('#the-evidence-behind-it');
			expect(await page.locator('.copy-status').textContent()).toBe('Link copied');
		} finally {
			await close();
		}
	});

	test('without the Clipboard API it falls back to following the link', async () => {
		const context = await browser.newContext();
		await context.addInitScript(() => {
			Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
		});
		const page = await context.newPage();
		try {
			await page.goto(siteUrl(FINDING));
			await page.locator('a.anchor-link[href="#questions-to-take-further"]').click();
			await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5000 }).toBe('#questions-to-take-further');
			await expect.poll(() => page.evaluate(() => document.getElementById('live-announcer')?.textContent), { timeout: 5000 }).toBe('Link is in the address bar');
			expect(await page.evaluate(() => navigator.clipboard)).toBeUndefined();
		} finally {
			await context.close();
		}
	});
});

test('prints as a document: no navigation or controls, outside link addresses shown', async () => {
	const { page, close } = await openPage(browser, siteUrl('briefing/'));
	try {
		await page.emulateMedia({ media: 'print' });
		for (const selector of ['.primary-nav', '.site-search', '.breadcrumbs', '.anchor-link']) {
			// Each is on the page (a renamed class must not pass as "hidden") and none of them prints.
			const shown = await page.locator(selector).evaluateAll((els) => els.map((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'));
			expect(shown.length, `${selector} is on the page`).toBeGreaterThan(0);
			expect(shown.filter(Boolean).length, `${selector} printed`).toBe(0);
		}
		// Site links print no address (a handout carries its own short link); outside ones do.
		const link = page.locator('main .prose a[href^="/findings/"]').first();
		expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
		const external = page.locator('main a[href^="https://"]:not([href*=":~:"]):not(.note-source)').first();
		expect(await external.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`" (${await external.getAttribute('href')})"`);
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
	} finally {
		await close();
	}
});

test('follows the dark colour scheme', async () => {
	const light = await openPage(browser, siteUrl(FINDING), { colorScheme: 'light' });
	const dark = await openPage(browser, siteUrl(FINDING), { colorScheme: 'dark' });
	try {
		const bg = (p: typeof light.page) => p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		expect(await bg(light.page)).toBe('rgb(255, 255, 255)');
		expect(await bg(dark.page)).toBe('rgb(20, 23, 28)');
	} finally {
		await light.close();
		await dark.close();
	}
});

test('a finding reads fully with JavaScript off', async () => {
	const { page, problems, close } = await openPage(browser, siteUrl(FINDING), { javaScriptEnabled: false });
	try {
		expect(allProblems(problems)).toEqual([]);
		expect(await page.locator('h1').textContent()).toBe('Local knowledge matters most');
		for (const id of ['what-the-research-found', 'the-evidence-behind-it', 'what-it-means', 'questions-to-take-further']) {
			expect(await page.locator(`h2#${id}`).isVisible(), id).toBe(true);
		}
		expect(await page.locator('main a.glossary-term').count()).toBeGreaterThan(0);
	} finally {
		await close();
	}
});

test('the prose is set to a readable measure', async () => {
	const { page, close } = await openPage(browser, siteUrl(FINDING), { viewport: { width: 1600, height: 900 } });
	try {
		const { width, fontSize } = await page.locator('main .prose p').first().evaluate((p) => ({ width: p.getBoundingClientRect().width, fontSize: parseFloat(getComputedStyle(p).fontSize) }));
		const chars = width / (fontSize * 0.5); // ~0.5em per average character
		expect(chars).toBeGreaterThan(55);
		expect(chars).toBeLessThan(90);
	} finally {
		await close();
	}
});
