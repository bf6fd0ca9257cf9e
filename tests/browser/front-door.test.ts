/**
 * The front door (issue 12): on a 390×844 phone the twelve findings start on the first screen
 * under a compact header whose navigation sits behind a Menu disclosure (working without
 * JavaScript); on desktop all twelve fit in about two screens; badges link to the scale.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { primaryNav } from '../../src/lib/navigation.ts';
import { axeViolations } from './support/axe.ts';
import { allProblems, launchBrowser, openPage, siteUrl, visibility } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

describe('on a 390×844 phone', () => {
	test('the first finding’s link is on the first screen, under a header at most 120px tall', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl(), PHONE);
		try {
			const header = await page.locator('.site-header').boundingBox();
			expect(header!.height).toBeLessThanOrEqual(120);
			const first = page.locator('main .finding-card').first().getByRole('link', { name: /Finding 1\b/ });
			const box = await first.boundingBox();
			expect(box!.y + box!.height).toBeLessThanOrEqual(844);
			expect(await first.getAttribute('href')).toMatch(/^\/findings\/1-[a-z-]+\/$/);
			// The findings come before the ways in for each reader, and there is no second search box.
			const order = await page.evaluate(() => {
				const y = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().top;
				return { findings: y('#the-twelve-findings'), routes: y('#routes-in') };
			});
			expect(order.findings).toBeLessThan(order.routes);
			expect(await page.locator('main form[role="search"], main input[type="search"]').count()).toBe(0);
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('the header keeps its shape while its HTML is still arriving: nothing moves when the Menu button’s word, or the button, comes in', async () => {
		// Chromium may paint a page part-way through parsing it; these are the states it was
		// seen painting the header in, each of which moved the page once the rest arrived.
		const { page, close } = await openPage(browser, siteUrl('reports/evidence-review/'), PHONE);
		try {
			const layout = () =>
				page.evaluate(() => {
					const box = (sel: string) => {
						const r = document.querySelector(sel)?.getBoundingClientRect();
						return r && { x: r.x, y: r.y, height: r.height };
					};
					return { name: box('.site-name-main'), menu: box('.nav-toggle'), icon: box('.nav-toggle svg'), search: box('.site-search'), main: box('main') };
				});
			const whole = await layout();
			expect(whole.menu?.height).toBeGreaterThanOrEqual(44);
			await page.evaluate(() => {
				for (const node of [...document.querySelector('.nav-toggle summary')!.childNodes]) if (node.nodeType === Node.TEXT_NODE) node.remove();
			});
			expect(await layout(), 'the icon painted before the word').toEqual(whole);
			await page.evaluate(() => document.querySelector('.nav-toggle summary')!.remove());
			// Until its summary arrives the disclosure is hidden (the browser would show its own
			// "Details"), so only where it sits matters, and what is around it must not move.
			const bare = await layout();
			expect(bare.icon).toBeUndefined();
			expect(await page.locator('.nav-toggle').evaluate((d) => getComputedStyle(d).visibility)).toBe('hidden');
			expect(JSON.stringify({ name: bare.name, search: bare.search, main: bare.main, menuY: bare.menu?.y }), 'the disclosure painted before its summary').toBe(JSON.stringify({ name: whole.name, search: whole.search, main: whole.main, menuY: whole.menu?.y }));
			await page.evaluate(() => document.querySelector('.nav-toggle')!.remove());
			const nameOnly = await layout();
			expect(JSON.stringify([nameOnly.name, nameOnly.search]), 'the site’s name painted before the disclosure').toBe(JSON.stringify([whole.name, whole.search]));
		} finally {
			await close();
		}
	});

	for (const javaScriptEnabled of [true, false]) {
		test(`the navigation opens from the Menu button, with the keyboard, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
			const { page, close } = await openPage(browser, siteUrl('findings/'), { ...PHONE, javaScriptEnabled });
			try {
				const menu = page.locator('.site-header summary');
				const nav = page.getByRole('navigation', { name: 'Main' });
				expect(await menu.isVisible()).toBe(true);
				expect(await visibility(page.locator('nav.primary-nav'))).toEqual({ found: 1, shown: 0 });
				expect(await menu.textContent()).toBe('Menu');
				await menu.focus();
				await page.keyboard.press('Enter');
				await nav.waitFor({ state: 'visible' });
				expect(await page.locator('.site-header details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
				// Tab goes from the button into the search box, then through every navigation link.
				const links = await nav.getByRole('link').count();
				expect(links).toBe(primaryNav.length);
				const focused: string[] = [];
				for (let i = 0; i < 2 + links; i++) {
					await page.keyboard.press('Tab');
					focused.push(await page.evaluate(() => document.activeElement?.textContent?.trim() || (document.activeElement as HTMLInputElement).name));
				}
				expect(focused.slice(2)).toEqual(primaryNav.map((item) => item.label));
				expect(await nav.getByRole('link', { name: 'Findings' }).getAttribute('aria-current')).toBe('page');
				// The header grows only while the menu is open.
				await menu.click();
				await nav.waitFor({ state: 'hidden' });
			} finally {
				await close();
			}
		});
	}

	test('axe finds nothing with the menu closed or open', async () => {
		const { page, close } = await openPage(browser, siteUrl(), PHONE);
		try {
			expect(await axeViolations(page, '/ at 390px')).toEqual([]);
			await page.locator('.site-header summary').click();
			expect(await axeViolations(page, '/ at 390px, menu open')).toEqual([]);
		} finally {
			await close();
		}
	});
});

describe('on a desktop', () => {
	test('the full navigation shows without a Menu button, and all twelve findings end within about two screens', async () => {
		const { page, close } = await openPage(browser, siteUrl(), DESKTOP);
		try {
			expect(await visibility(page.locator('.site-header summary'))).toEqual({ found: 1, shown: 0 });
			expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').count()).toBe(primaryNav.length);
			for (const link of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all()) expect(await link.isVisible()).toBe(true);
			const cards = page.locator('main .finding-card');
			expect(await cards.count()).toBe(12);
			const last = await cards.last().boundingBox();
			expect(last!.y + last!.height).toBeLessThanOrEqual(2 * DESKTOP.viewport.height);
			const header = await page.locator('.site-header').boundingBox();
			expect(header!.height).toBeLessThanOrEqual(130);
		} finally {
			await close();
		}
	});
});

test('each card is a claim with its number and an evidence badge that links to that level on the scale, under a legend', async () => {
	const { page, close } = await openPage(browser, siteUrl(), DESKTOP);
	try {
		const cards = await page.locator('main .finding-card').evaluateAll((els) =>
			els.map((card) => ({
				eyebrow: card.querySelector('.finding-eyebrow')?.textContent?.trim(),
				statement: card.querySelector('p')?.textContent?.trim() ?? '',
				badge: card.querySelector('a.evidence-badge')?.getAttribute('href'),
				level: card.querySelector('a.evidence-badge')?.textContent?.trim(),
			})),
		);
		cards.forEach((card, i) => {
			expect(card.eyebrow).toBe(`Finding ${i + 1}`);
			expect(card.statement.length).toBeGreaterThan(40);
			const level = /Evidence: (Strong|Moderate|Emerging|Mixed)/.exec(card.level ?? '')?.[1];
			expect(level, `finding ${i + 1}`).toBeDefined();
			expect(card.badge).toBe(`/about/evidence/#${level!.toLowerCase()}`);
		});
		const legend = page.locator('main .legend');
		const legendBox = await legend.boundingBox();
		const firstCard = await page.locator('main .finding-card').first().boundingBox();
		expect(legendBox!.y).toBeLessThan(firstCard!.y);
		expect((await legend.textContent())?.replace(/\s+/g, ' ')).toMatch(/Strong.*Moderate.*Emerging.*Mixed.*What the levels mean/);
	} finally {
		await close();
	}
});
