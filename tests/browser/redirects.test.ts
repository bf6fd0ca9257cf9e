/**
 * Short addresses: /findings/N/ takes the reader to finding N's page, keeping any #fragment,
 * in both builds; without JavaScript the meta refresh still gets there. And an unknown
 * address gets a helpful 404 page, under the sub-path too.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatTextDirective } from '../../src/lib/textFragment.ts';
import { allProblems, launchBrowser, openPage, siteUrl, subSiteUrl } from './support/browser.ts';
import { tabPool, type TabPool } from './support/tab-pool.ts';
import { pageFile, readHeadMeta } from './support/head-meta.ts';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

let browser: Browser;
/** The twelve short addresses are followed in one reused tab (support/tab-pool.ts). */
let tabs: TabPool;
beforeAll(async () => {
	browser = await launchBrowser();
	tabs = tabPool(browser, 1, {});
});
afterAll(async () => {
	await tabs?.close();
	await browser?.close();
});

/** Finding number → its full page path, from the build (e.g. 5 → "findings/5-local-knowledge/"). */
const findingPages = new Map(builtPages(DIST).flatMap((p) => (/^findings\/(\d+)-[a-z0-9-]+\/$/.exec(p) ? [[Number(p.split('/')[1]!.split('-')[0]), p] as const] : [])));

test('there is a short address for each of the twelve findings', () => {
	expect([...findingPages.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
	const shorts = builtPages(DIST).filter((p) => /^findings\/\d+\/$/.test(p));
	expect(shorts).toHaveLength(12);
});

describe.each(Array.from({ length: 12 }, (_, i) => i + 1))('/findings/%i/', (n) => {
	test('resolves to the finding’s page', () =>
		tabs.use(async ({ page, problems, visit }) => {
			await visit(siteUrl(`findings/${n}/`));
			await page.waitForURL(siteUrl(findingPages.get(n)!));
			expect(await page.locator('article.finding').getAttribute('data-finding-number')).toBe(String(n));
			expect(allProblems(problems)).toEqual([]);
		}));

	test('is a redirect page: canonical to the full URL, refresh, noindex, a visible link, the finding’s card', () => {
		const head = readHeadMeta(DIST, `findings/${n}/`);
		const full = `/${findingPages.get(n)}`;
		expect(new URL(head.canonical!).pathname).toBe(full);
		const html = readFileSync(pageFile(DIST, `findings/${n}/`), 'utf8');
		expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${full}">`);
		expect(html).toContain(`location.replace("${full}"+`);
		expect(html).toMatch(new RegExp(`<a href="${full}">Go to finding ${n}:`));
		expect(head.noindex).toBe(true);
		expect(head.indexedForSearch).toBe(false);
		expect(head.meta.get('og:image')).toMatch(new RegExp(`/og/findings/${n}\\.png$`));
	});
});

test('keeps the #fragment: /findings/5/#the-evidence-behind-it lands on that section', async () => {
	const { page, close } = await openPage(browser, siteUrl('findings/5/#the-evidence-behind-it'));
	try {
		await page.waitForURL(siteUrl('findings/5-local-knowledge/#the-evidence-behind-it'));
		expect(new URL(page.url()).hash).toBe('#the-evidence-behind-it');
		// The browser scrolled to the section: its heading is at the top of the window.
		const headingTop = () => page.evaluate(() => document.getElementById('the-evidence-behind-it')?.getBoundingClientRect().top ?? null);
		await expect.poll(headingTop, { timeout: 5000 }).toBeGreaterThanOrEqual(0);
		expect(await headingTop()).toBeLessThan(200);
		expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
	} finally {
		await close();
	}
});

test('keeps a link to a sentence (#section:~:text=…), which location.hash alone would drop', async () => {
	const viewport = { width: 1280, height: 500 };
	// A sentence far enough below its section heading that landing on either is distinguishable.
	const { page, close } = await openPage(browser, siteUrl(findingPages.get(5)!), { viewport });
	try {
		const { section, start } = await page.evaluate((height) => {
			let heading: HTMLElement | undefined;
			for (const el of document.querySelectorAll<HTMLElement>('main article .prose h2[id], main article .prose > p')) {
				if (el.matches('h2')) heading = el;
				else if (heading && el.getBoundingClientRect().top - heading.getBoundingClientRect().top > height) {
					return { section: heading.id, start: el.innerText.split(/\s+/).slice(0, 6).join(' ') };
				}
			}
			throw new Error('no paragraph far below its heading');
		}, viewport.height);
		const directive = `:~:${formatTextDirective({ textStart: start })}`;
		await page.goto(siteUrl(`findings/5/#${section}${directive}`));
		await page.waitForURL(siteUrl(`${findingPages.get(5)}#${section}${directive}`));
		// The browser applied the directive: the sentence is in view, its section heading above it.
		await page.waitForFunction(
			([text, id]) => {
				const p = [...document.querySelectorAll('main p')].find((el) => el.textContent?.replace(/\s+/g, ' ').includes(text));
				const top = p?.getBoundingClientRect().top ?? -1;
				return top >= 0 && top < innerHeight && document.getElementById(id)!.getBoundingClientRect().bottom < 0;
			},
			[start, section] as const,
		);
	} finally {
		await close();
	}
});

test('keeps the #fragment under the sub-path too', async () => {
	const { page, problems, close } = await openPage(browser, subSiteUrl('findings/5/#questions-to-take-further'));
	try {
		await page.waitForURL(subSiteUrl('findings/5-local-knowledge/#questions-to-take-further'));
		expect(new URL(page.url()).pathname).toBe('/lcsi/findings/5-local-knowledge/');
		expect(await page.locator('h1').textContent()).toContain('Local knowledge');
		expect(allProblems(problems)).toEqual([]);
	} finally {
		await close();
	}
});

test('without JavaScript, the meta refresh still leads to the finding, and the page shows a link', async () => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		const refresh = await (await fetch(siteUrl('findings/7/'))).text();
		expect(refresh).toMatch(/<meta http-equiv="refresh" content="0; url=\/findings\/7-[a-z0-9-]+\/">/);
		await page.goto(siteUrl('findings/7/'));
		await page.waitForURL(siteUrl(findingPages.get(7)!));
		// With refresh blocked too, a reader still has a visible link (checked on the page as built).
		await page.setContent(refresh.replace(/<meta http-equiv="refresh"[^>]*>/, ''), { waitUntil: 'load' });
		const link = page.getByRole('link', { name: /Go to finding 7/ });
		expect(await link.isVisible()).toBe(true);
		expect(await link.getAttribute('href')).toBe(`/${findingPages.get(7)}`);
	} finally {
		await context.close();
	}
});

describe('an unknown address', () => {
	test.each([
		{ name: 'root build', url: () => siteUrl('findings/99/'), base: '/' },
		{ name: 'sub-path build', url: () => subSiteUrl('no-such-page/'), base: '/lcsi/' },
	])('gets a helpful 404 page ($name)', async ({ url, base }) => {
		const address = url();
		const { page, problems, close } = await openPage(browser, address);
		try {
			// The 404 status of the page itself is the point; anything else going wrong is not.
			expect(allProblems(problems).filter((p) => !p.includes(address))).toEqual([]);
			expect(problems.failedRequests).toEqual([`${address}: HTTP 404`]);
			expect(await page.locator('h1').textContent()).toBe('Page not found');
			expect(await page.locator('main form[role="search"]').getAttribute('action')).toBe(`${base}search/`);
			for (const [name, path] of [
				['Home', ''],
				['All twelve findings', 'findings/'],
				['Glossary', 'definitions/glossary/'],
			] as const) {
				expect(await page.locator('main').getByRole('link', { name, exact: true }).getAttribute('href'), name).toBe(`${base}${path}`);
			}
			const findings = page.locator('main ol a');
			expect(await findings.count()).toBe(12);
			// The search form works from here: it leads to the search page with the query.
			await page.locator('main').getByLabel('Search the evidence').fill('cold spot');
			await Promise.all([page.waitForURL(/\/search\/\?q=cold\+spot$/), page.locator('main').getByRole('button', { name: 'Search', exact: true }).click()]);
			expect(new URL(page.url()).pathname).toBe(`${base}search/`);
		} finally {
			await close();
		}
	});
});
