/**
 * Search against the real built index in Chromium: real queries land the expected page in the
 * top three, filters narrow, the URL carries the search both ways, result links open the
 * matching section with the words highlighted, the page is keyboard- and screen-reader-usable,
 * the search code loads only when a reader starts to search, and it all works under /lcsi/.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { benchQueries, waitForSearch } from '../../scripts/bench-search.ts';
import { contentDir } from '../../src/lib/contentDir.ts';
import { SHORTCUT_KEY } from '../../src/lib/search-shortcut.ts';
import { allProblems, launchBrowser, openPage, siteUrl, subSiteUrl } from './support/browser.ts';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const searchPath = (params: Record<string, string>) => `search/?${new URLSearchParams(params)}`;

/** The .mdx files of one content collection (the built site was made from them). */
const contentFiles = (collection: string) => readdirSync(join(contentDir(), collection)).filter((f) => f.endsWith('.mdx'));

interface ShownResult {
	href: string;
	path: string;
	kind: string;
	title: string;
	sections: string[];
	marks: number;
}

/** The results as a reader sees them, in order. */
function shownResults(page: Page): Promise<ShownResult[]> {
	return page.$$eval('[data-search-results] > li', (items) =>
		items.map((li) => {
			const link = li.querySelector<HTMLAnchorElement>('h2 a')!;
			return {
				href: link.getAttribute('href')!,
				path: new URL(link.href).pathname,
				kind: li.querySelector('.search-result-kind')?.textContent ?? '',
				title: link.textContent ?? '',
				sections: [...li.querySelectorAll<HTMLAnchorElement>('.search-result-sections a')].map((a) => a.getAttribute('href')!),
				marks: li.querySelectorAll('mark').length,
			};
		}),
	);
}

async function searchFor(url: string, query: string) {
	const opened = await openPage(browser, url);
	const { count } = await waitForSearch(opened.page, query);
	return { ...opened, count, results: await shownResults(opened.page) };
}

describe('real queries find the page a trustee would want, in the top three', () => {
	const cases = benchQueries().filter((q) => q.expect);
	test.each(cases)('"$query" → $expect', async ({ query, expect: expected, section }) => {
		const { results, problems, close } = await searchFor(siteUrl(searchPath({ q: query })), query);
		try {
			const top = results.slice(0, 3);
			const hit = top.find((r) => r.path === expected);
			expect(hit, `top three for "${query}": ${top.map((r) => r.path).join(', ')}`).toBeDefined();
			if (section) expect(hit!.sections.some((href) => href.endsWith(`#${section}`)), `sections: ${hit!.sections.join(', ')}`).toBe(true);
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	// Every report, by the title it has on GOV.UK (read from content, so new reports are covered).
	const reports = contentFiles('reports').map((f) => {
		const front = load(readFileSync(join(contentDir(), 'reports', f), 'utf8').split(/^---$/m)[1] ?? '') as { title: string };
		return { title: front.title, path: `/reports/${f.replace(/\.mdx$/, '')}/` };
	});
	test.each(reports)('the report title finds its summary, $path', async ({ title, path }) => {
		const { results, close } = await searchFor(siteUrl(searchPath({ q: title })), title);
		try {
			const hit = results.slice(0, 3).find((r) => r.path === path);
			expect(hit, `top three: ${results.slice(0, 3).map((r) => r.path).join(', ')}`).toBeDefined();
			expect(hit!.kind).toBe('Report summary');
		} finally {
			await close();
		}
	});
});

test('the index holds each page’s main content only, with the filters and meta results rely on', async () => {
	const { page, close } = await openPage(browser, siteUrl('search/'));
	try {
		// A string, not a function: Vitest rewrites import() in test code, and this must run in the page.
		const index: {
			filters: Record<'type' | 'function' | 'pathway' | 'report', Record<string, number>>;
			pages: { url: string; content: string; meta: Record<string, string> }[];
		} = await page.evaluate(`(async () => {
			const pagefind = await import('/pagefind/pagefind.js');
			const filters = await pagefind.filters();
			const all = await pagefind.search(null, { filters: { type: { any: Object.keys(filters.type) } } });
			const pages = await Promise.all(all.results.map((r) => r.data()));
			return { filters, pages: pages.map((p) => ({ url: p.url, content: p.content, meta: p.meta })) };
		})()`);
		expect(Object.keys(index.filters).sort()).toEqual(['function', 'pathway', 'report', 'type']);
		expect(Object.keys(index.filters.type)).toEqual(expect.arrayContaining(['finding', 'definition', 'function', 'pathway', 'report']));
		expect(Object.keys(index.filters.function)).toHaveLength(contentFiles('functions').length);
		expect(Object.keys(index.filters.report)).toHaveLength(contentFiles('reports').length);
		expect(Object.keys(index.filters.pathway).length).toBeGreaterThan(0);

		// Exactly the built pages that mark their main content; never the search page or the 404.
		const marked = builtPages(DIST).filter((p) => readFileSync(join(DIST, p.endsWith('/') || p === '' ? `${p}index.html` : p), 'utf8').includes('data-pagefind-body'));
		expect(index.pages.map((p) => p.url).sort()).toEqual(marked.map((p) => `/${p}`).sort());
		expect(index.pages.map((p) => p.url)).not.toContain('/search/');

		for (const p of index.pages) {
			// Header, navigation and footer text stay out; every page says what it is.
			expect(p.content, p.url).not.toContain('Skip to main content');
			expect(p.content, p.url).not.toContain('No cookies, no tracking');
			expect(p.meta.title, p.url).toBeTruthy();
			expect(p.meta.type, p.url).toBeTruthy();
			if (/^\/findings\/\d+-/.test(p.url)) expect(p.meta.number, p.url).toMatch(/^\d+$/);
		}
	} finally {
		await close();
	}
});

test('?q= runs on load: the box shows the words, the count is shown and announced, excerpts mark the words', async () => {
	const { page, results, count, problems, close } = await searchFor(siteUrl('search/?q=cold+spot'), 'cold spot');
	try {
		expect(await page.inputValue('#search-q')).toBe('cold spot');
		expect(count).toBe(results.length);
		const status = await page.textContent('[data-search-status]');
		expect(status).toBe(`${count} results for “cold spot”.`);
		await page.waitForFunction((text) => document.getElementById('live-announcer')?.textContent === text, status);
		expect(await page.getAttribute('#live-announcer', 'aria-live')).toBe('polite');
		expect(results.every((r) => r.marks > 0)).toBe(true);
		expect(await page.$$eval('[data-search-results] mark', (ms) => ms.map((m) => m.textContent!.toLowerCase()))).toEqual(expect.arrayContaining(['cold']));
		// What each result is, in words.
		expect(results.find((r) => r.path === '/findings/3-who-benefits/')?.kind).toMatch(/^Finding 3 · \w+ evidence$/);
		expect(allProblems(problems)).toEqual([]);
	} finally {
		await close();
	}
});

test('result links carry #heading ids that exist on the target page, and the target page marks the words', async () => {
	const { page, results, problems, close } = await searchFor(siteUrl('search/?q=cold+spot'), 'cold spot');
	try {
		const finding = results.find((r) => r.path === '/findings/3-who-benefits/')!;
		expect(finding.sections.length).toBeGreaterThan(0);
		expect(finding.sections.length).toBeLessThanOrEqual(3);
		for (const href of [finding.href, ...finding.sections]) expect(new URL(href, page.url()).searchParams.getAll('highlight')).toEqual(['cold', 'spot']);
		expect(finding.sections.every((href) => /#[a-z0-9-]+$/.test(href))).toBe(true);

		const target = finding.sections[0];
		await Promise.all([page.waitForURL((u) => u.hash !== ''), page.click(`a[href="${target}"]`)]);
		const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
		expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
		await page.waitForSelector('main mark.pagefind-highlight');
		const marked = await page.$$eval('main mark.pagefind-highlight', (ms) => ms.map((m) => m.textContent!.toLowerCase()));
		expect(marked).toEqual(expect.arrayContaining(['cold', 'spot']));
		expect(allProblems(problems)).toEqual([]);
	} finally {
		await close();
	}
});

describe('filters', () => {
	test('narrow the results, and come from the URL', async () => {
		const all = await searchFor(siteUrl('search/?q=commissioning'), 'commissioning');
		const reports = await searchFor(siteUrl('search/?q=commissioning&type=report'), 'commissioning');
		try {
			expect(reports.count).toBeGreaterThan(0);
			expect(reports.count).toBeLessThan(all.count);
			expect(reports.results.every((r) => /^(Report summary|List of reports)$/.test(r.kind))).toBe(true);
			expect(await reports.page.inputValue('select[name="type"]')).toBe('report');
		} finally {
			await all.close();
			await reports.close();
		}
	});

	test('choosing one narrows the results and puts it in the URL; Clear filters undoes it', async () => {
		const { page, count, close } = await searchFor(siteUrl('search/?q=commissioning'), 'commissioning');
		try {
			const options = await page.$$eval('select[name="function"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
			expect(options).toContain('Convening');
			await page.selectOption('select[name="function"]', 'Convening');
			await page.waitForFunction(() => new URL(location.href).searchParams.get('function') === 'Convening');
			await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('function: Convening'));
			const narrowed = await shownResults(page);
			expect(narrowed.length).toBeGreaterThan(0);
			expect(narrowed.length).toBeLessThan(count);
			expect(new URL(page.url()).search).toBe('?q=commissioning&function=Convening');

			await page.click('text=Clear filters');
			await page.waitForFunction(() => !new URL(location.href).searchParams.has('function'));
			await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length === n, Math.min(count, 10));
		} finally {
			await close();
		}
	});

	test('filters alone browse: ?type=report lists every report summary', async () => {
		const { results, count, close } = await searchFor(siteUrl('search/?type=report'), '');
		try {
			const summaries = results.filter((r) => r.kind === 'Report summary');
			expect(summaries).toHaveLength(contentFiles('reports').length);
			expect(count).toBe(results.length);
			// Nothing searched, nothing to highlight.
			expect(results.every((r) => !r.href.includes('highlight='))).toBe(true);
		} finally {
			await close();
		}
	});
});

test('many results come ten at a time; "Show more" adds the next ten and moves focus to the first new one', async () => {
	const { page, count, close } = await searchFor(siteUrl('search/?q=volunteering'), 'volunteering');
	try {
		expect(count).toBeGreaterThan(10);
		expect(await page.locator('[data-search-results] > li').count()).toBe(10);
		await page.click('[data-search-more]');
		await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length === n, Math.min(count, 20));
		expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('[data-search-results] > li')[10]?.querySelector('a'))).toBe(true);
	} finally {
		await close();
	}
});

describe('keyboard', () => {
	test('typing searches and updates the URL; arrows move through results and back to the box; Tab is not trapped; Escape clears', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('search/'));
		try {
			await page.keyboard.press('/');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
			await page.keyboard.type('bridge');
			await waitForSearch(page, 'bridge');
			await page.waitForFunction(() => location.search === '?q=bridge');

			const links = await page.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href')));
			const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.id);
			await page.keyboard.press('ArrowDown');
			expect(await focusedHref()).toBe(links[0]);
			// The focused link shows a focus ring.
			expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
			await page.keyboard.press('ArrowDown');
			expect(await focusedHref()).toBe(links[1]);
			await page.keyboard.press('ArrowUp');
			await page.keyboard.press('ArrowUp');
			expect(await focusedHref()).toBe('search-q');

			// Tab leaves the box for the next control, and Shift+Tab comes back.
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => (document.activeElement as HTMLElement).textContent)).toBe('Search');
			await page.keyboard.press('Shift+Tab');
			expect(await focusedHref()).toBe('search-q');

			await page.keyboard.press('Escape');
			expect(await page.inputValue('#search-q')).toBe('');
			await page.waitForFunction(() => location.search === '' && document.querySelectorAll('[data-search-results] > li').length === 0);
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('"/" jumps to the header box on other pages, and the search page can turn it off and on again', async () => {
		const { page, close } = await openPage(browser, siteUrl('findings/5-local-knowledge/'));
		try {
			expect(await page.getAttribute('#site-search-q', 'aria-keyshortcuts')).toBe('/');
			await page.keyboard.press('/');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');

			await page.goto(siteUrl('search/'));
			const toggle = page.getByLabel('on any page to jump to the search box');
			expect(await toggle.isChecked()).toBe(true);
			await toggle.uncheck();
			expect(await page.evaluate((key) => localStorage.getItem(key), SHORTCUT_KEY)).toBe('off');

			await page.goto(siteUrl('findings/5-local-knowledge/'));
			expect(await page.getAttribute('#site-search-q', 'aria-keyshortcuts')).toBeNull();
			await page.keyboard.press('/');
			expect(await page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('site-search-q');

			await page.goto(siteUrl('search/'));
			await page.getByLabel('on any page to jump to the search box').check();
			await page.goto(siteUrl('findings/5-local-knowledge/'));
			await page.keyboard.press('/');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
		} finally {
			await close();
		}
	});
});

describe('the search code loads only when a reader starts to search', () => {
	const searchCode = (url: string) => url.includes('/pagefind/') || /\/_astro\/search-ui\./.test(url);

	test('a reading page loads none of it (and no highlighter without the highlight parameter)', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const requested: string[] = [];
		page.on('request', (r) => requested.push(r.url()));
		try {
			await page.goto(siteUrl('findings/3-who-benefits/'), { waitUntil: 'networkidle' });
			expect(requested.filter(searchCode)).toEqual([]);
		} finally {
			await context.close();
		}
	});

	test('the search page loads it when the box gets focus, not before', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const requested: string[] = [];
		page.on('request', (r) => requested.push(r.url()));
		try {
			await page.goto(siteUrl('search/'), { waitUntil: 'networkidle' });
			expect(requested.filter(searchCode)).toEqual([]);
			await page.focus('#search-q');
			await page.waitForFunction(() => !document.querySelector<HTMLElement>('[data-search-filters]')!.hidden);
			expect(requested.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
			expect(requested.some((u) => /\/_astro\/search-ui\./.test(u))).toBe(true);
		} finally {
			await context.close();
		}
	});
});

test('when Pagefind cannot load, the search page says so instead of waiting for ever', async () => {
	const context = await browser.newContext();
	const page = await context.newPage();
	try {
		await page.route('**/pagefind/pagefind.js', (route) => route.abort());
		await page.goto(siteUrl('search/?q=cold+spot'));
		const status = () => page.locator('[data-search-status]').textContent();
		await expect.poll(status, { timeout: 10_000 }).toMatch(/^Search could not be loaded/);
		expect(await page.locator('[data-search-results] > li').count()).toBe(0);
	} finally {
		await context.close();
	}
});

test('without JavaScript the search page says so and links to the findings and the glossary', async () => {
	const { page, close } = await openPage(browser, siteUrl('search/?q=cold+spot'), { javaScriptEnabled: false });
	try {
		const note = page.locator('main p', { hasText: 'Search needs JavaScript' });
		expect(await note.isVisible()).toBe(true);
		const hrefs = await note.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs).toEqual(['/findings/', '/definitions/glossary/']);
	} finally {
		await close();
	}
});

describe.each(['light', 'dark'] as const)('axe, %s scheme', (colorScheme) => {
	test('no WCAG A/AA violations on /search/ with results and filters shown', async () => {
		const { page, close } = await openPage(browser, siteUrl('search/?q=cold+spot&type=finding'), { colorScheme });
		try {
			await waitForSearch(page, 'cold spot');
			const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
			expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		} finally {
			await close();
		}
	});
});

test('under the /lcsi/ sub-path, results link inside /lcsi/ and the highlighter loads from there', async () => {
	const { page, results, problems, close } = await searchFor(subSiteUrl('search/?q=cold+spot'), 'cold spot');
	try {
		expect(results.length).toBeGreaterThan(0);
		for (const r of results) {
			expect(r.href.startsWith('/lcsi/'), r.href).toBe(true);
			for (const s of r.sections) expect(s.startsWith('/lcsi/'), s).toBe(true);
		}
		await Promise.all([page.waitForURL(/\/lcsi\/.+highlight=cold/), page.click(`a[href="${results[0]!.href}"]`)]);
		await page.waitForSelector('main mark.pagefind-highlight');
		expect(allProblems(problems)).toEqual([]);
	} finally {
		await close();
	}
});
