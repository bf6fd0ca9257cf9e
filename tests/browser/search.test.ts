/**
 * Search against the real built index in Chromium: keyword and whole-question queries land an
 * answering page in the top three of what the reader sees (the three questions of issue 11
 * among them), a query that asks a common question gets its answer first, filters narrow, the
 * URL carries the search both ways, result links open the matching section with whole content
 * words highlighted (never "is" or "to"), focus lands on the results, Cite this and other
 * furniture never show in results, results appear while typing, the header box carries its
 * query to the search page with Pagefind already warming, and it all works under /lcsi/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { benchQueries, placeOf, shownOrder, waitForSearch } from '../../scripts/bench-search.ts';
import { contentDir } from '../../src/lib/contentDir.ts';
import { isStopWord } from '../../src/lib/search-query.ts';
import { SHORTCUT_KEY } from '../../src/lib/search-shortcut.ts';
import { COLOUR_RULES, axeViolations } from './support/axe.ts';
import { allProblems, launchBrowser, openPage, siteUrl, subSiteUrl, visibility, type OpenedPage } from './support/browser.ts';
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

/** The files of one content collection (the built site was made from them). */
const contentFiles = (collection: string, ext = '.mdx') => readdirSync(join(contentDir(), collection)).filter((f) => f.endsWith(ext));

interface ShownResult {
	href: string;
	path: string;
	kind: string;
	title: string;
	sections: string[];
	marks: number;
	text: string;
}

/** The results as a reader sees them, in order (the answer box apart). */
function shownResults(page: Page): Promise<ShownResult[]> {
	return page.$$eval('[data-search-results] > li:not([hidden])', (items) =>
		items.map((li) => {
			const link = li.querySelector<HTMLAnchorElement>('h2 a')!;
			return {
				href: link.getAttribute('href')!,
				path: new URL(link.href).pathname,
				kind: li.querySelector('.search-result-kind')?.textContent ?? '',
				title: link.textContent ?? '',
				sections: [...li.querySelectorAll<HTMLAnchorElement>('.search-result-sections a')].map((a) => a.getAttribute('href')!),
				marks: li.querySelectorAll('mark').length,
				text: li.textContent ?? '',
			};
		}),
	);
}

async function searchFor(url: string, query: string) {
	const opened = await openPage(browser, url);
	const { count } = await waitForSearch(opened.page, query);
	return { ...opened, count, results: await shownResults(opened.page) };
}

/** Type a query into the search page's box and submit it, as a reader would. */
async function ask(page: Page, query: string) {
	await page.fill('#search-q', query);
	await page.press('#search-q', 'Enter');
	return waitForSearch(page, query);
}

describe('real queries find a page that answers them, in the top three of what the reader sees', () => {
	// One search page for the whole list: each query typed and submitted, as a reader would.
	let opened: OpenedPage;
	const cases = benchQueries().filter((q) => q.expect);
	const outcomes = new Map<string, { seen: string[]; place: number; sectionsOfHit: string[] }>();
	beforeAll(async () => {
		opened = await openPage(browser, siteUrl('search/'));
		for (const q of cases) {
			await ask(opened.page, q.query);
			const shown = await shownOrder(opened.page);
			const seen = [...(shown.answerPath ? [shown.answerPath] : []), ...shown.results];
			const hit = (await shownResults(opened.page)).find((r) => q.expect!.includes(r.path));
			outcomes.set(q.query, { seen, place: placeOf(seen, q.expect), sectionsOfHit: hit?.sections ?? [] });
		}
	}, 600_000);
	afterAll(async () => {
		expect(allProblems(opened.problems)).toEqual([]);
		await opened?.close();
	});

	const inTopThree = (query: string) => {
		const o = outcomes.get(query)!;
		return o.place >= 1 && o.place <= 3;
	};
	const misses = (kind: string) =>
		cases
			.filter((q) => q.kind === kind && !inTopThree(q.query))
			.map((q) => `"${q.query}" → ${outcomes.get(q.query)!.seen.slice(0, 3).join(', ')}`)
			.join('\n');

	test('the list is honest about its size: at least 30 queries, keywords and whole questions', () => {
		expect(cases.length).toBeGreaterThanOrEqual(30);
		expect(cases.filter((q) => q.kind === 'question').length).toBeGreaterThanOrEqual(15);
		expect(cases.filter((q) => q.kind === 'keyword').length).toBeGreaterThanOrEqual(15);
	});

	test.each(['question', 'keyword'])('%s queries: at least nine in ten put an answering page in the top three', (kind) => {
		const ofKind = cases.filter((q) => q.kind === kind);
		const hits = ofKind.filter((q) => inTopThree(q.query)).length;
		expect(hits / ofKind.length, `misses:\n${misses(kind)}`).toBeGreaterThanOrEqual(0.9);
	});

	// The three questions the issue names, and the review's keyword form of the funding question.
	test.each([
		'What is local civil society infrastructure?',
		'Is there evidence that more funding for infrastructure leads to more charities?',
		'What makes local infrastructure good quality?',
		'does more funding lead to more charities',
		'funding more charities',
	])('"%s" puts an answering page in the top three', (query) => {
		expect(cases.some((q) => q.query === query)).toBe(true);
		expect(inTopThree(query), outcomes.get(query)!.seen.slice(0, 3).join(', ')).toBe(true);
	});

	test.each(cases.filter((q) => q.section))('"$query" lists the #$section section of the page that answers it', ({ query, section }) => {
		const o = outcomes.get(query)!;
		expect(o.sectionsOfHit.some((href) => href.endsWith(`#${section}`)), `sections: ${o.sectionsOfHit.join(', ')}`).toBe(true);
	});

	// Every report, by the title it has on GOV.UK (from the source registry, so new reports are covered).
	const registry = load(readFileSync(join(contentDir(), 'sources.yaml'), 'utf8')) as { id: string; kind: string; title: string }[];
	const reports = contentFiles('reports').map((f) => {
		const id = f.replace(/\.mdx$/, '');
		return { title: registry.find((s) => s.id === id)!.title, path: `/reports/${id}/` };
	});
	test.each(reports)('the report title finds its summary, $path', async ({ title, path }) => {
		await ask(opened.page, title);
		const results = await shownResults(opened.page);
		const hit = results.slice(0, 3).find((r) => r.path === path);
		expect(hit, `top three: ${results.slice(0, 3).map((r) => r.path).join(', ')}`).toBeDefined();
		expect(hit!.kind).toBe('Report summary');
	});
});

describe('a query that asks a common question gets its answer first', () => {
	test.each([
		['What is local civil society infrastructure?', 'What is local civil society infrastructure (LCSI)?', '/findings/1-no-agreed-definition/'],
		['Is there evidence that more funding for infrastructure leads to more charities?', 'Does more funding for local infrastructure lead to more charities?', '/findings/4-sufficiency-is-about-quality/'],
		['What makes local infrastructure good quality?', 'What makes local infrastructure good quality?', '/findings/5-local-knowledge/'],
	])('"%s"', async (query, question, finding) => {
		const { page, problems, close } = await openPage(browser, siteUrl(searchPath({ q: query })));
		try {
			const { answered } = await waitForSearch(page, query);
			expect(answered).toBe(true);
			const box = page.locator('[data-search-answer]');
			expect(await box.isVisible()).toBe(true);
			expect(await box.locator('h2').textContent()).toBe(question);
			expect(await box.locator('h2 a').getAttribute('href')).toMatch(/^\/questions\/#[a-z0-9-]+$/);
			// The answer, its evidence badge (a link to the scale) and "Read the finding".
			expect((await box.locator('.search-answer-text').textContent())!.length).toBeGreaterThan(40);
			expect(await box.locator('a.evidence-badge').getAttribute('href')).toMatch(/^\/about\/evidence\/#(strong|moderate|emerging|mixed)$/);
			const read = box.locator('a.search-answer-read');
			expect(await read.textContent()).toMatch(/^Read the finding: Finding \d+: /);
			expect(new URL((await read.getAttribute('href'))!, page.url()).pathname).toBe(finding);
			// Before the results in the page, so it is read and reached first.
			expect(await page.evaluate(() => document.querySelector('[data-search-answer]')!.compareDocumentPosition(document.querySelector('[data-search-results]')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
			// Questions are answered above the results, never listed among them.
			expect((await shownResults(page)).every((r) => !r.path.startsWith('/questions/'))).toBe(true);
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('a one-word keyword search is not answered for the reader', async () => {
		const { page, close } = await openPage(browser, siteUrl(searchPath({ q: 'funding' })));
		try {
			const { answered, count } = await waitForSearch(page, 'funding');
			expect(count).toBeGreaterThan(3);
			expect(answered).toBe(false);
			expect(await page.locator('[data-search-answer]').isHidden()).toBe(true);
		} finally {
			await close();
		}
	});

	test('the answer links to its question on /questions/, which has the same answer under its own heading', async () => {
		const query = 'does more funding lead to more charities';
		const { page, close } = await openPage(browser, siteUrl(searchPath({ q: query })));
		try {
			await waitForSearch(page, query);
			const answer = await page.locator('[data-search-answer] .search-answer-text').textContent();
			await Promise.all([page.waitForURL(/\/questions\/#/), page.click('[data-search-answer] h2 a')]);
			const id = new URL(page.url()).hash.slice(1);
			expect(await page.locator(`section[data-question="${id}"] .question-answer`).textContent()).toBe(answer);
		} finally {
			await close();
		}
	});
});

test('the index holds main content, each common question as its own record, and no furniture', async () => {
	const { page, close } = await openPage(browser, siteUrl('search/'));
	try {
		// A string, not a function: Vitest rewrites import() in test code, and this must run in the page.
		const index: {
			filters: Record<string, Record<string, number>>;
			pages: { url: string; content: string; meta: Record<string, string> }[];
		} = await page.evaluate(`(async () => {
			const pagefind = await import('/pagefind/pagefind.js');
			const filters = await pagefind.filters();
			const all = await pagefind.search(null, { filters: { type: { any: Object.keys(filters.type) } } });
			const pages = await Promise.all(all.results.map((r) => r.data()));
			return { filters, pages: pages.map((p) => ({ url: p.url, content: p.content, meta: p.meta })) };
		})()`);
		expect(Object.keys(index.filters).sort()).toEqual(['function', 'pathway', 'question', 'report', 'strength', 'type']);
		expect(Object.keys(index.filters.question!)).toHaveLength(contentFiles('questions', '.yaml').length);
		expect(Object.keys(index.filters.type!)).toEqual(expect.arrayContaining(['finding', 'definition', 'function', 'pathway', 'report', 'question']));
		expect(Object.keys(index.filters.strength!).sort()).toEqual(['emerging', 'mixed', 'moderate', 'strong']);
		expect(Object.keys(index.filters.function!)).toHaveLength(contentFiles('functions').length);
		expect(Object.keys(index.filters.report!)).toHaveLength(contentFiles('reports').length);

		// Exactly the built pages that mark their main content, and one record per common question.
		const marked = builtPages(DIST).filter((p) => readFileSync(join(DIST, p.endsWith('/') || p === '' ? `${p}index.html` : p), 'utf8').includes('data-pagefind-body'));
		const questions = contentFiles('questions', '.yaml').map((f) => `/questions/#${f.replace(/\.yaml$/, '')}`);
		expect(index.pages.map((p) => p.url).sort()).toEqual([...marked.map((p) => `/${p}`), ...questions].sort());
		expect(index.pages.map((p) => p.url)).not.toContain('/search/');

		for (const p of index.pages) {
			// Header, navigation and footer text stay out; every page says what it is.
			expect(p.content, p.url).not.toContain('Skip to main content');
			expect(p.content, p.url).not.toContain('No cookies, no tracking');
			// Furniture stays out: Cite this, "On this page", the badge's label, the copy-link labels.
			expect(p.content, p.url).not.toMatch(/Copy citation|Cite this page|On this page|Evidence: (Strong|Moderate|Emerging|Mixed)|Copy link to/);
			expect(p.meta.title, p.url).toBeTruthy();
			expect(p.meta.type, p.url).toBeTruthy();
			if (/^\/findings\/\d+-/.test(p.url)) expect(p.meta.number, p.url).toMatch(/^\d+$/);
		}
		// Report summaries go by their short titles, not the programme's name.
		for (const p of index.pages.filter((x) => /^\/reports\/.+\//.test(x.url))) expect(p.meta.title, p.url).not.toMatch(/^Local Civil Society Infrastructure/);
	} finally {
		await close();
	}
});

test('Cite this text never appears in results', async () => {
	const { page, close } = await openPage(browser, siteUrl('search/'));
	try {
		for (const query of ['cite this', 'accessed', 'copy citation', 'LCSI Evidence Explorer updated']) {
			await ask(page, query);
			const results = await shownResults(page);
			for (const r of results) {
				expect(r.sections.some((href) => href.endsWith('#cite-this')), `${query}: ${r.path}`).toBe(false);
				// A Cite this block names this site with its address (the about page's worked example has a placeholder instead).
				expect(r.text, `${query}: ${r.path}`).not.toMatch(/Copy citation|Explorer, updated [^.]+\. https?:\/\//);
			}
		}
	} finally {
		await close();
	}
});

test('?q= runs on load: the box shows the words, the count is shown, announced and focused, excerpts mark the words', async () => {
	const { page, results, count, problems, close } = await searchFor(siteUrl('search/?q=cold+spot'), 'cold spot');
	try {
		expect(await page.inputValue('#search-q')).toBe('cold spot');
		expect(count).toBe(results.length);
		const status = await page.textContent('[data-search-status]');
		expect(status).toBe(`${count} results for “cold spot”.`);
		await page.waitForFunction(() => document.getElementById('live-announcer')?.textContent?.includes('results for “cold spot”'));
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

describe('focus lands on the results', () => {
	test('arriving with a query: focus is on the result count; Tab and the arrow keys reach the first result at once', async () => {
		const query = 'What makes local infrastructure good quality?';
		const { page, close } = await openPage(browser, siteUrl(searchPath({ q: query })));
		try {
			await waitForSearch(page, query);
			await page.waitForFunction(() => document.activeElement?.hasAttribute('data-search-status'));
			const first = await page.evaluate(() => document.querySelector('[data-search-answer] a, [data-search-results] a')!.getAttribute('href'));
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first);
			await page.focus('[data-search-status]');
			await page.keyboard.press('ArrowDown');
			expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first);
			// Escape in the results goes back to the box.
			await page.keyboard.press('Escape');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
		} finally {
			await close();
		}
	});

	test('pressing Enter in the box moves focus to the count; typing alone leaves it in the box', async () => {
		const { page, close } = await openPage(browser, siteUrl('search/'));
		try {
			await page.click('#search-q');
			await page.keyboard.type('commissioning');
			await waitForSearch(page, 'commissioning');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
			await page.keyboard.press('Enter');
			await page.waitForFunction(() => document.activeElement?.hasAttribute('data-search-status'));
		} finally {
			await close();
		}
	});
});

describe('highlighting marks whole content words, never grammar words', () => {
	const query = 'Is there evidence that more funding for infrastructure leads to more charities?';

	test('in the result excerpts', async () => {
		const { page, close } = await searchFor(siteUrl(searchPath({ q: query })), query);
		try {
			const marks = await page.$$eval('[data-search-output] mark', (ms) =>
				ms.map((m) => ({ text: m.textContent!, before: m.previousSibling?.textContent?.slice(-1) ?? '', after: m.nextSibling?.textContent?.charAt(0) ?? '' })),
			);
			expect(marks.length).toBeGreaterThan(0);
			for (const m of marks) {
				expect(isStopWord(m.text), m.text).toBe(false);
				expect(`${m.before}|${m.after}`, m.text).not.toMatch(/[\p{L}\p{N}]\||\|[\p{L}\p{N}]/u);
			}
		} finally {
			await close();
		}
	});

	test('on the page a result opens: the link carries content words only, and marks are whole words', async () => {
		const { page, close } = await searchFor(siteUrl(searchPath({ q: query })), query);
		try {
			const href = (await shownResults(page))[0]!.href;
			const highlight = new URL(href, page.url()).searchParams.getAll('highlight');
			expect(highlight.length).toBeGreaterThan(0);
			expect(highlight.filter(isStopWord)).toEqual([]);
			await page.goto(new URL(href, page.url()).href);
			await page.waitForSelector('main mark.pagefind-highlight');
			const marks = await page.$$eval('main mark.pagefind-highlight', (ms) =>
				ms.map((m) => ({ text: m.textContent!, before: m.previousSibling?.textContent?.slice(-1) ?? '', after: m.nextSibling?.textContent?.charAt(0) ?? '' })),
			);
			for (const m of marks) {
				expect(isStopWord(m.text), m.text).toBe(false);
				expect(`${m.before}|${m.after}`, m.text).not.toMatch(/[\p{L}\p{N}]\||\|[\p{L}\p{N}]/u);
			}
			// Old links with grammar words in them still mark nothing but content words.
			await page.goto(siteUrl('findings/4-sufficiency-is-about-quality/?highlight=is&highlight=to&highlight=funding'));
			await page.waitForSelector('main mark.pagefind-highlight');
			const texts = await page.$$eval('main mark.pagefind-highlight', (ms) => [...new Set(ms.map((m) => m.textContent!.toLowerCase()))]);
			expect(texts.every((t) => t.startsWith('fund'))).toBe(true);
		} finally {
			await close();
		}
	});
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
	test('are folded away by default, so the first result is near the top of the screen', async () => {
		const { page, close } = await openPage(browser, siteUrl('search/?q=commissioning'), { viewport: { width: 1280, height: 900 } });
		try {
			await waitForSearch(page, 'commissioning');
			expect(await page.locator('[data-search-filters]').getAttribute('open')).toBeNull();
			const top = await page.locator('[data-search-results] > li').first().boundingBox();
			expect(top!.y).toBeLessThan(600);
		} finally {
			await close();
		}
	});

	test('narrow the results, and come from the URL (opening the filters when one is set)', async () => {
		const all = await searchFor(siteUrl('search/?q=commissioning'), 'commissioning');
		const reports = await searchFor(siteUrl('search/?q=commissioning&type=report'), 'commissioning');
		try {
			expect(reports.count).toBeGreaterThan(0);
			expect(reports.count).toBeLessThan(all.count);
			expect(reports.results.every((r) => /^(Report summary|List of reports)$/.test(r.kind))).toBe(true);
			expect(await reports.page.inputValue('select[name="type"]')).toBe('report');
			expect(await reports.page.locator('[data-search-filters]').getAttribute('open')).not.toBeNull();
		} finally {
			await all.close();
			await reports.close();
		}
	});

	test('evidence strength: only findings at that level, and the choice is in the URL', async () => {
		const { page, close } = await searchFor(siteUrl('search/?q=funding'), 'funding');
		try {
			await page.click('[data-search-filters] summary');
			const options = await page.$$eval('select[name="strength"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
			expect(options).toEqual(['strong', 'moderate', 'emerging', 'mixed']);
			await page.selectOption('select[name="strength"]', 'moderate');
			await page.waitForFunction(() => new URL(location.href).searchParams.get('strength') === 'moderate');
			await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('evidence strength: Moderate') && document.querySelector('[data-search-results] > li:not([hidden])'));
			const results = await shownResults(page);
			expect(results.length).toBeGreaterThan(0);
			expect(results.every((r) => / · Moderate evidence$/.test(r.kind)), results.map((r) => r.kind).join(', ')).toBe(true);
			// The kind of page filter does not offer questions: they are answered, not listed.
			expect(await page.$$eval('select[name="type"] option', (os) => os.map((o) => (o as HTMLOptionElement).value))).not.toContain('question');
		} finally {
			await close();
		}
	});

	test('choosing one narrows the results and puts it in the URL; options that find nothing are not offered; Clear filters undoes it', async () => {
		const { page, count, close } = await searchFor(siteUrl('search/?q=commissioning'), 'commissioning');
		try {
			await page.click('[data-search-filters] summary');
			const options = await page.$$eval('select[name="function"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
			expect(options).toContain('Convening');
			await page.selectOption('select[name="function"]', 'Convening');
			await page.waitForFunction(() => new URL(location.href).searchParams.get('function') === 'Convening');
			await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('function: Convening') && document.querySelector('[data-search-results] > li:not([hidden])'));
			const narrowed = await shownResults(page);
			expect(narrowed.length).toBeGreaterThan(0);
			expect(narrowed.length).toBeLessThan(count);
			expect(new URL(page.url()).search).toBe('?q=commissioning&function=Convening');
			const disabled = await page.$$eval('select option:disabled', (os) => os.map((o) => o.textContent ?? ''));
			expect(disabled.every((label) => label.endsWith('(0)'))).toBe(true);

			await page.click('text=Clear filters');
			await page.waitForFunction(() => !new URL(location.href).searchParams.has('function'));
			await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li:not([hidden])').length === n, Math.min(count, 8));
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

test('many results come eight at a time; "Show more" adds the next eight and moves focus to the first new one', async () => {
	const { page, count, close } = await searchFor(siteUrl('search/?q=volunteering'), 'volunteering');
	try {
		expect(count).toBeGreaterThan(8);
		expect(await page.locator('[data-search-results] > li').count()).toBe(8);
		await page.click('[data-search-more]');
		await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li:not([hidden])').length === n, Math.min(count, 16));
		expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('[data-search-results] > li')[8]?.querySelector('a'))).toBe(true);
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
			// The first search of a fresh page fetches Pagefind's WebAssembly: slow on a busy 2-core machine.
			await waitForSearch(page, 'bridge', 40_000);
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

describe('search that answers while you type (issue 15)', () => {
	const pagefindCode = (url: string) => url.includes('/pagefind/');

	test('a reading page loads none of the search until the reader shows intent in the header box, then fetches the search page and what it needs first', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const requested: string[] = [];
		const finished = new Set<string>();
		page.on('request', (r) => requested.push(r.url()));
		page.on('requestfinished', (r) => finished.add(r.url()));
		try {
			await page.goto(siteUrl('findings/3-who-benefits/'), { waitUntil: 'networkidle' });
			expect(requested.filter(pagefindCode)).toEqual([]);
			const before = requested.length;
			// Intent: the pointer over the box warms the search page itself (which carries its own
			// script and Pagefind's small files), and Pagefind's WebAssembly and script.
			await page.hover('#site-search-q');
			const rules = await page.waitForFunction(() => document.querySelector('script[type="speculationrules"]')?.textContent);
			expect(JSON.parse(String(await rules.jsonValue()))).toEqual({ prefetch: [{ source: 'list', urls: [siteUrl('search/')], expects_no_vary_search: 'params' }] });
			const wanted = ['/pagefind/wasm.en-gb.pagefind', '/pagefind/pagefind.js'];
			await expect.poll(() => requested.slice(before).filter((u) => !u.endsWith('/search/')).length).toBe(wanted.length);
			const warmed = requested.slice(before).filter((u) => !u.endsWith('/search/'));
			expect(warmed.map((u) => { const url = new URL(u); return url.pathname + url.search; })).toEqual(wanted);
			// Once they have arrived, the search page opened from the box comes from that prefetch (its
			// HTML is the same whatever the query: No-Vary-Search), and takes every file from the cache
			// (public/_headers keeps them a few minutes): nothing is sent again.
			await expect.poll(() => warmed.every((u) => finished.has(u))).toBe(true);
			await page.click('#site-search-q');
			await page.keyboard.type('cold spot');
			await Promise.all([page.waitForURL(/\/search\/\?q=cold\+spot$/), page.keyboard.press('Enter')]);
			await waitForSearch(page, 'cold spot');
			expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming & { deliveryType?: string }).deliveryType)).toBe('navigational-prefetch');
			const used = await page.evaluate((urls) => urls.map((u) => performance.getEntriesByName(u).map((e) => (e as PerformanceResourceTiming).transferSize)), warmed);
			expect(used.every((sizes) => sizes.length > 0)).toBe(true);
			expect(used.flat().filter((size) => size > 0)).toEqual([]);
		} finally {
			await context.close();
		}
	});

	test('a search sent from the header box stops the warm-up downloads still arriving, before the search page opens', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		try {
			await page.addInitScript(() => {
				HTMLScriptElement.supports = () => false;
			});
			await page.goto(siteUrl('findings/3-who-benefits/'), { waitUntil: 'networkidle' });
			const warmList = String(await page.getAttribute('form[data-search-warm]', 'data-search-warm')).split(/\s+/).filter(Boolean);
			expect(warmList).toEqual(["/pagefind/wasm.en-gb.pagefind", "/pagefind/pagefind.js"]);
			const isWarm = (url: string) => warmList.some((path) => url.endsWith(path));
			// The warm-up's files never arrive, and the search page takes a second to answer, so the
			// reading page is still open while its downloads are in flight.
			await page.route((url) => isWarm(url.href), () => undefined);
			let searchPageReleased = false;
			// The search page is held (the browser's own prefetch of it would pass the route by: off here).
			await page.route(/\/search\/(\?q=.*)?$/, async (route) => {
				await new Promise((resolve) => setTimeout(resolve, 1_000));
				searchPageReleased = true;
				await route.continue();
			});
			const started: string[] = [];
			const stopped: { url: string; before: boolean }[] = [];
			page.on('request', (r) => isWarm(r.url()) && started.push(r.url()));
			page.on('requestfailed', (r) => isWarm(r.url()) && stopped.push({ url: r.url(), before: !searchPageReleased }));
			await page.click('#site-search-q');
			await expect.poll(() => started.length).toBe(warmList.length);
			// Only the reading page's warm-up: once the search page commits, its own requests for the
			// same files come through this page object too.
			const warmedUp = [...started];
			await page.keyboard.type('cold spot');
			await Promise.all([page.waitForURL(/\/search\/\?q=cold\+spot$/, { waitUntil: 'commit' }), page.keyboard.press('Enter')]);
			expect(stopped.map((s) => s.url).sort()).toEqual(warmedUp.sort());
			expect(searchPageReleased, 'the search page was held').toBe(true);
			expect(stopped.filter((s) => !s.before), 'downloads stopped only when the page closed').toEqual([]);
		} finally {
			await context.close();
		}
	});

	test('the header box carries its query to the search page, which runs it with Pagefind already loading', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('findings/3-who-benefits/'));
		const requested: string[] = [];
		const requestedWithQuery: string[] = [];
		page.on('request', (r) => {
			const u = new URL(r.url());
			requested.push(u.pathname);
			requestedWithQuery.push(u.pathname + u.search);
		});
		try {
			await page.click('#site-search-q');
			await page.keyboard.type('what is a cold spot');
			await Promise.all([page.waitForURL(/\/search\/\?q=what\+is\+a\+cold\+spot$/), page.keyboard.press('Enter')]);
			await waitForSearch(page, 'what is a cold spot');
			expect(await page.inputValue('#search-q')).toBe('what is a cold spot');
			expect((await shownResults(page)).length).toBeGreaterThan(0);
			// The search page asks for Pagefind's script and WebAssembly from its head, before its own script runs.
			expect(await page.$$eval('link[rel="preload"][data-pagefind-preload], link[rel="modulepreload"][href*="/pagefind/"]', (ls) => ls.map((l) => new URL((l as HTMLLinkElement).href).pathname))).toEqual(['/pagefind/wasm.en-gb.pagefind', '/pagefind/pagefind.js']);
			// And the early script asked for the index files of the query's words as the page was read.
			expect(await page.$$eval('link[rel="preload"][href*="/pagefind/index/"]', (ls) => ls.length)).toBeGreaterThan(0);
			expect(requested).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/pagefind/wasm.en-gb.pagefind']));
			// Pagefind's entry file (at the address of the build's tag), metadata and kind filter
			// came from the page: none was requested, nor the entry file at a fresh address.
			const carried = Object.keys(JSON.parse((await page.textContent('script[data-pagefind-files]')) ?? '{}'));
			expect(carried).toEqual([
				expect.stringMatching(/^pagefind-entry\.json\?ts=en-gb_[0-9a-f]+$/),
				expect.stringMatching(/^pagefind\.en-gb_[0-9a-f]+\.pf_meta$/),
				expect.stringMatching(/^filter\/en-gb_[0-9a-f]+\.pf_filter$/),
			]);
			expect(requestedWithQuery.filter((u) => u.startsWith('/pagefind/pagefind-entry.json') || u.endsWith('.pf_meta'))).toEqual([]);
			expect(requestedWithQuery.filter((u) => carried.some((file) => u === `/pagefind/${file}`))).toEqual([]);
			// No web worker: the preloaded requests are the ones Pagefind uses.
			expect(requested).not.toContain('/pagefind/pagefind-worker.js');
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test("the search page fetches the index files for the words being typed before its search has loaded, and Pagefind needs no others", async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		// Hold Pagefind's script: the search cannot run, and only the early script in the page
		// fetches, until it is released.
		await page.route((url) => url.pathname === '/pagefind/pagefind.js', async (route) => {
			await held;
			await route.continue();
		});
		const indexRequests: string[] = [];
		page.on('request', (r) => {
			if (r.url().includes('/pagefind/index/')) indexRequests.push(new URL(r.url()).pathname);
		});
		try {
			await page.goto(siteUrl('search/'), { waitUntil: 'domcontentloaded' });
			await page.click('#search-q');
			await page.keyboard.type('what is a cold spot');
			await page.waitForFunction(() => document.querySelectorAll('link[rel="preload"][href*="/pagefind/index/"]').length >= 2);
			const preloaded = await page.$$eval('link[rel="preload"][href*="/pagefind/"]', (ls) => ls.map((l) => new URL((l as HTMLLinkElement).href).pathname));
			expect(await page.$$eval('[data-search-results] > li', (li) => li.length)).toBe(0);
			// Only the content words' files: "what", "is" and "a" fetch nothing.
			const preloadedIndex = preloaded.filter((p) => p.includes('/pagefind/index/'));
			expect(preloadedIndex.length).toBeLessThanOrEqual(2);
			// The kind filter every search reads is carried in the page.
			expect(preloaded.filter((p) => p.includes('/pagefind/filter/'))).toEqual([]);
			release();
			await waitForSearch(page, 'what is a cold spot');
			expect((await shownResults(page)).length).toBeGreaterThan(0);
			// Pagefind's own requests for index files were the preloaded ones, each fetched once.
			expect([...new Set(indexRequests)].sort()).toEqual([...preloadedIndex].sort());
			expect(indexRequests).toHaveLength(new Set(indexRequests).size);
		} finally {
			release();
			await context.close();
		}
	});

	test('a link with a search has its index files on the way as the page is read, before its search can run', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		// Without Pagefind's script the search never runs: what is on the way comes from the early script.
		await page.route((url) => url.pathname === '/pagefind/pagefind.js', (route) => route.abort());
		try {
			await page.goto(siteUrl(searchPath({ q: 'commissioning funding' })), { waitUntil: 'domcontentloaded' });
			const preloaded = await page.$$eval('link[rel="preload"][href*="/pagefind/index/"]', (ls) => ls.length);
			expect(preloaded).toBeGreaterThanOrEqual(1);
		} finally {
			await context.close();
		}
	});

	test('the text segmenter Pagefind splits a query with is made while its files arrive, before the first search', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		// Record when each Intl.Segmenter is made, and by what (Pagefind's search, or the warm-up).
		await page.addInitScript(() => {
			const made: { at: number; bySearch: boolean }[] = [];
			(window as unknown as { segmentersMade: typeof made }).segmentersMade = made;
			Object.defineProperty(Intl, 'Segmenter', {
				value: new Proxy(Intl.Segmenter, {
					construct(target, args) {
						made.push({ at: performance.now(), bySearch: (new Error().stack ?? '').includes('/pagefind/pagefind.js') });
						return Reflect.construct(target, args);
					},
				}),
			});
		});
		try {
			await page.goto(siteUrl(searchPath({ q: 'cold spot' })));
			await waitForSearch(page, 'cold spot');
			const made = await page.evaluate(() => (window as unknown as { segmentersMade: { at: number; bySearch: boolean }[] }).segmentersMade);
			const bySearch = made.filter((m) => m.bySearch);
			const warm = made.filter((m) => !m.bySearch);
			expect(bySearch.length, 'segmenters Pagefind made for the query').toBeGreaterThanOrEqual(1);
			expect(warm.length, 'segmenters made by the page itself').toBeGreaterThanOrEqual(1);
			expect(warm[0]!.at, 'the warm-up came before the first search').toBeLessThan(bySearch[0]!.at);
		} finally {
			await context.close();
		}
	});

	test('results appear while typing, before Enter, and each result as soon as its text arrives', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('search/'));
		try {
			// Pagefind warms with the page, before the reader types.
			await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/pagefind/wasm.')));
			await page.click('#search-q');
			await page.keyboard.type('local knowledge', { delay: 40 });
			const { count, firstAt, renderedAt } = await waitForSearch(page, 'local knowledge');
			expect(count).toBeGreaterThan(0);
			expect(firstAt).toBeLessThanOrEqual(renderedAt);
			// Still typing: focus stays in the box, and nothing waited for Enter.
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
			// The search page loads Pagefind itself: typing in its boxes prefetches nothing again.
			expect(await page.$$eval('link[rel="prefetch"]', (ls) => ls.length)).toBe(0);
			expect((await shownResults(page)).slice(0, 3).map((r) => r.path)).toContain('/findings/5-local-knowledge/');
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});
});

test('a result shows its kind, title and link before its text arrives, then its excerpt; an answer needs no request', async () => {
	const context = await browser.newContext();
	const page = await context.newPage();
	try {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const asked: string[] = [];
		page.on('request', (r) => {
			if (r.url().includes('/pagefind/fragment/')) asked.push('fragment');
		});
		await page.route('**/pagefind/fragment/**', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(siteUrl('search/?q=local+knowledge'));
		const first = page.locator('[data-search-results] > li').first();
		await first.locator('h2 a').waitFor();
		const early = await shownResults(page);
		expect(early.length).toBeGreaterThan(1);
		expect(early.slice(0, 3).map((r) => r.path)).toContain('/findings/5-local-knowledge/');
		expect(early.every((r) => r.kind && r.title && r.sections.length === 0 && r.marks === 0)).toBe(true);
		// No text yet: it was asked for, and is held.
		expect(await page.locator('[data-search-results] .search-result-excerpt').count()).toBe(0);
		expect(asked).toContain('fragment');

		// A common question is answered from the page's own records while the text is still held.
		await page.fill('#search-q', 'what is a cold spot');
		const answer = page.locator('[data-search-answer]');
		await expect.poll(async () => (await visibility(answer)).shown, { timeout: 10_000 }).toBe(1);
		const heldAnswer = [await answer.locator('h2').textContent(), await answer.locator('.search-answer-text').textContent()];
		expect(heldAnswer[1]?.length).toBeGreaterThan(20);

		release();
		// The same answer as from the question's own text.
		await page.fill('#search-q', 'what is a cold spot?');
		await expect.poll(async () => [await answer.locator('h2').textContent(), await answer.locator('.search-answer-text').textContent()], { timeout: 10_000 }).toEqual(heldAnswer);
		await page.fill('#search-q', 'local knowledge');
		await waitForSearch(page, 'local knowledge');
		expect(await page.locator('[data-search-results] > li').first().locator('.search-result-excerpt, .search-result-sections').count()).toBeGreaterThan(0);
		const full = await shownResults(page);
		// The text adds to a result; it never changes what it is or where it leads.
		expect(full.slice(0, early.length).map((r) => [r.kind, r.title, r.href])).toEqual(early.map((r) => [r.kind, r.title, r.href]));
		// The filter options are filled once results are in.
		await expect.poll(() => page.locator('select[name="type"] option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
	} finally {
		await context.close();
	}
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

test('without JavaScript the search page says so, links to the findings, questions and glossary, and lists common questions', async () => {
	const { page, close } = await openPage(browser, siteUrl('search/?q=cold+spot'), { javaScriptEnabled: false });
	try {
		const note = page.locator('main p', { hasText: 'Search needs JavaScript' });
		expect(await note.isVisible()).toBe(true);
		const hrefs = await note.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs).toEqual(['/findings/', '/questions/', '/definitions/glossary/']);
		const questions = await page.$$eval('.search-questions a', (as) => as.map((a) => a.getAttribute('href')));
		expect(questions.length).toBeGreaterThanOrEqual(3);
		expect(questions.every((h) => /^\/questions\/#[a-z0-9-]+$/.test(h!))).toBe(true);
	} finally {
		await close();
	}
});

describe('the common questions page', () => {
	test('each question is a heading with its own anchor and copy-link control, an answer, a level and a link to read more', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('questions/'));
		try {
			const questions = await page.$$eval('section[data-question]', (sections) =>
				sections.map((s) => ({
					id: s.getAttribute('data-question'),
					heading: s.querySelector('h3')?.id,
					copy: s.querySelector('a.anchor-link[data-copy-link]')?.getAttribute('href'),
					answer: s.querySelector('.question-answer')?.textContent ?? '',
					level: s.querySelector('.evidence-badge, .question-kind')?.textContent ?? '',
					links: [...s.querySelectorAll<HTMLAnchorElement>('.question-more a')].map((a) => a.getAttribute('href')),
				})),
			);
			expect(questions).toHaveLength(contentFiles('questions', '.yaml').length);
			for (const q of questions) {
				expect(q.heading, q.id!).toBe(q.id);
				expect(q.copy, q.id!).toBe(`#${q.id}`);
				expect(q.answer.length, q.id!).toBeGreaterThan(20);
				expect(q.level, q.id!).toMatch(/^(Evidence: (Strong|Moderate|Emerging|Mixed)|Not answered by the research|About the research)$/);
				expect(q.links.length, q.id!).toBeGreaterThan(0);
			}
			// Every link to read more opens a section that exists.
			for (const href of new Set(questions.flatMap((q) => q.links))) {
				const url = new URL(href!, page.url());
				const html = await (await page.request.get(url.href)).text();
				expect(html.includes(`id="${url.hash.slice(1)}"`), href!).toBe(true);
			}
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('the main navigation links to it', async () => {
		const { page, close } = await openPage(browser, siteUrl('questions/'));
		try {
			expect(await page.getAttribute('nav[aria-label="Main"] a[href="/questions/"]', 'aria-current')).toBe('page');
		} finally {
			await close();
		}
	});
});

// /questions/ and /search/ as loaded are checked with every page (every-page.test.ts); this is
// the search page in the state only a search puts it in.
test('axe: no WCAG A/AA violations on /search/ with an answer, results and filters shown (light), nor of the colour rules in the dark', async () => {
	const query = 'What makes local infrastructure good quality?';
	const { page, close } = await openPage(browser, siteUrl(searchPath({ q: query, strength: 'moderate' })));
	try {
		const { answered } = await waitForSearch(page, query);
		expect(answered).toBe(true);
		expect(await axeViolations(page, '/search/ (light)')).toEqual([]);
		await page.emulateMedia({ colorScheme: 'dark' });
		expect(await axeViolations(page, '/search/ (dark)', COLOUR_RULES)).toEqual([]);
	} finally {
		await close();
	}
});

test('under the /lcsi/ sub-path, results and the answer link inside /lcsi/ and the highlighter works there', async () => {
	const query = 'does more funding lead to more charities';
	const { page, results, problems, close } = await searchFor(subSiteUrl(searchPath({ q: query })), query);
	try {
		expect(results.length).toBeGreaterThan(0);
		for (const r of results) {
			expect(r.href.startsWith('/lcsi/'), r.href).toBe(true);
			for (const s of r.sections) expect(s.startsWith('/lcsi/'), s).toBe(true);
		}
		const answerLinks = await page.$$eval('[data-search-answer] a', (as) => as.map((a) => a.getAttribute('href')!));
		expect(answerLinks.length).toBeGreaterThan(0);
		for (const href of answerLinks) expect(href.startsWith('/lcsi/'), href).toBe(true);
		await Promise.all([page.waitForURL(/\/lcsi\/.+highlight=/), page.click(`a[href="${results[0]!.href}"]`)]);
		await page.waitForSelector('main mark.pagefind-highlight');
		expect(allProblems(problems)).toEqual([]);
	} finally {
		await close();
	}
});
