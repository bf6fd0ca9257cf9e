/**
 * Search benchmark: `npm run bench:search` (after a build; reads dist/ or LCSI_OUT_DIR, and
 * BASE_PATH if the site was built under a sub-path). For each query in
 * tests/search-queries.json it opens /search/?q=… in headless Chromium and reports:
 *
 * - relevance: whether one of the query's `expect` pages is in the top three of what the reader
 *   sees (an answer box counts as the page its "Read the finding" link opens), and separately in
 *   the top three of the result list alone; summed for keywords and for whole questions;
 * - bytes: everything the search page fetches for its first query besides the HTML and CSS (the
 *   search UI's scripts and Pagefind: script, WebAssembly, metadata, index chunks, fragments),
 *   as sent (gzip where the server compresses, as a CDN would);
 * - time, cold: a fresh browser profile (empty cache) opening the search URL, ms from navigation
 *   start to the first result on screen and to the whole first page of results;
 * - time, warm: the same query typed on a search page that has already searched, ms from the
 *   search starting (after the typing pause) to results on screen.
 *
 * Bytes are counted by the static server as it writes them. Times are medians of --runs
 * (default 3). `benchSearch()` returns the rows so a combined benchmark can reuse them.
 * `--verbose` prints the top five for every query; `--no-warm` skips the warm timings.
 * `--typing` times instead the first result as a reader meets it (benchTyping(), below).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { SEARCH_MARKS } from '../src/lib/search-results.ts';
import { searchStateToQuery } from '../src/lib/search-url.ts';
import { launchBrowser } from '../tests/browser/support/browser.ts';
import { startServer } from './lib/static-server.ts';

export interface BenchQuery {
	query: string;
	kind: 'keyword' | 'question';
	/** Pages (site paths) that answer the query; any one in the top three is a hit. */
	expect?: string[];
	/** A heading id the hit must list among its matching sections. */
	section?: string;
	why?: string;
}

export interface SearchBenchRow {
	query: string;
	kind: BenchQuery['kind'];
	results: number;
	/** Whether an answer box was shown, and the question it answered. */
	answer?: string | undefined;
	/** Undefined when the query has no expected page (timed only). */
	hit?: boolean | undefined;
	/** 1-based place of the first expected page in what the reader sees; 0 when not on the first page of results. */
	rank?: number | undefined;
	/** The same for the result list alone, without the answer box. */
	listHit?: boolean | undefined;
	/** Bytes of the search UI's scripts and Pagefind's files for a cold first query. */
	coldBytes: number;
	/** Of which Pagefind's own files. */
	pagefindBytes: number;
	/** Navigation start to the first result (or answer) on screen, fresh profile. */
	firstMs: number;
	/** Navigation start to the whole first page of results, fresh profile. */
	coldMs: number;
	/** Extra bytes this query needs once Pagefind is loaded. */
	warmBytes: number;
	/** Search start to results rendered, Pagefind already loaded. */
	warmMs: number;
	top: string[];
}

export interface SearchBenchOptions {
	/** Built site folder. */
	root?: string;
	/** Base path the site was built for. */
	base?: string;
	queries?: BenchQuery[];
	runs?: number;
	/** Query run first on the warm page, so Pagefind is loaded before the measured one. */
	warmUpQuery?: string;
	/** Also time each query typed on a page that has already searched (doubles the run time). */
	warm?: boolean;
	/** Called after each query, for progress. */
	onRow?: (row: SearchBenchRow, index: number, of: number) => void;
}

const QUERY_FILE = new URL('../tests/search-queries.json', import.meta.url);

/** The fixed queries shared by the benchmark and the browser tests. */
export function benchQueries(): BenchQuery[] {
	return JSON.parse(readFileSync(QUERY_FILE, 'utf8')).queries;
}

/**
 * Wait until the search page has rendered results for `query`, and return the timings the page
 * recorded (performance marks set by src/scripts/search-ui.ts).
 */
export async function waitForSearch(page: Page, query: string, timeout = 15_000): Promise<{ count: number; answered: boolean; renderedAt: number; firstAt: number; searchMs: number }> {
	const handle = await page.waitForFunction(
		({ marks, q }) => {
			const last = (name: string) => performance.getEntriesByName(name).filter((e) => (e as PerformanceMark).detail?.query === q).at(-1) as PerformanceMark | undefined;
			const rendered = last(marks.rendered);
			const started = last(marks.start);
			if (!rendered || !started) return null;
			const first = last(marks.first);
			return {
				count: rendered.detail.count as number,
				answered: Boolean(rendered.detail.answered),
				renderedAt: rendered.startTime,
				firstAt: first?.startTime ?? rendered.startTime,
				searchMs: rendered.startTime - started.startTime,
			};
		},
		{ marks: SEARCH_MARKS, q: query },
		{ timeout },
	);
	return (await handle.jsonValue())!;
}

/** What the reader sees, in order: the answer box (as the page it links to), then each result. */
export async function shownOrder(page: Page): Promise<{ answer?: string; answerPath?: string; results: string[] }> {
	return page.evaluate(() => {
		const box = document.querySelector<HTMLElement>('[data-search-answer]');
		const read = box && !box.hidden ? box.querySelector<HTMLAnchorElement>('.search-answer-read') : null;
		const question = box && !box.hidden ? box.querySelector('h2')?.textContent ?? undefined : undefined;
		const results = [...document.querySelectorAll<HTMLAnchorElement>('[data-search-results] > li:not([hidden]) h2 a')].map((a) => new URL(a.href).pathname);
		return { answer: question, answerPath: read ? new URL(read.href).pathname : undefined, results };
	});
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Counts body bytes the server writes (compressed size when gzipped): Pagefind's files and scripts. */
function countBytes(server: import('node:http').Server) {
	const counter = { pagefind: 0, scripts: 0 };
	// prependListener: runs before the file handler writes anything.
	server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
		const url = req.url ?? '';
		const kind = url.includes('/pagefind/') ? 'pagefind' : /\.m?js(\?|$)/.test(url) ? 'scripts' : undefined;
		if (!kind) return;
		const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
		const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
		const size = (chunk: unknown) => (typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk instanceof Uint8Array ? chunk.byteLength : 0);
		res.write = ((chunk: unknown, ...rest: unknown[]) => {
			counter[kind] += size(chunk);
			return write(chunk, ...rest);
		}) as typeof res.write;
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (typeof chunk !== 'function') counter[kind] += size(chunk);
			return end(chunk, ...rest);
		}) as typeof res.end;
	});
	return counter;
}

const pathOf = (p: string, base: string) => (base !== '/' && p.startsWith(base.replace(/\/$/, '')) ? p.slice(base.replace(/\/$/, '').length) : p);

/** Place (1-based) of the first expected page in a list of paths; 0 when absent. */
export function placeOf(paths: string[], expected: string[] | undefined): number {
	if (!expected) return 0;
	return paths.findIndex((p) => expected.includes(p)) + 1;
}

async function measureOnce(browser: Browser, siteUrl: string, base: string, q: BenchQuery, warmUpQuery: string, counter: { pagefind: number; scripts: number }, withWarm: boolean) {
	const searchUrl = (text: string) => new URL(`search/?${searchStateToQuery({ query: text, filters: {} })}`, siteUrl).href;

	// Cold: a new context has an empty cache.
	let context = await browser.newContext();
	let page = await context.newPage();
	counter.pagefind = 0;
	counter.scripts = 0;
	await page.goto(searchUrl(q.query));
	const cold = await waitForSearch(page, q.query);
	const shown = await shownOrder(page);
	const pagefindBytes = counter.pagefind;
	const coldBytes = counter.pagefind + counter.scripts;
	await context.close();

	// Warm: Pagefind loaded by an earlier search on the same page, then the query typed.
	let warm = { searchMs: NaN };
	let warmBytes = NaN;
	if (withWarm) {
		context = await browser.newContext();
		page = await context.newPage();
		await page.goto(searchUrl(warmUpQuery));
		await waitForSearch(page, warmUpQuery);
		counter.pagefind = 0;
		counter.scripts = 0;
		await page.fill('[data-search-form] input[name="q"]', q.query);
		warm = await waitForSearch(page, q.query);
		warmBytes = counter.pagefind + counter.scripts;
		await context.close();
	}

	const results = shown.results.map((p) => pathOf(p, base));
	const seen = [...(shown.answerPath ? [pathOf(shown.answerPath, base)] : []), ...results];
	return { results: cold.count, answer: shown.answer, seen, listed: results, coldBytes, pagefindBytes, firstMs: cold.firstAt, coldMs: cold.renderedAt, warmBytes, warmMs: warm.searchMs };
}

export async function benchSearch(options: SearchBenchOptions = {}): Promise<SearchBenchRow[]> {
	const { root = process.env.LCSI_OUT_DIR ?? 'dist', base = process.env.BASE_PATH ?? '/', queries = benchQueries(), runs = 3, warmUpQuery = 'LCSI', warm = true, onRow } = options;
	if (!existsSync(`${root}/pagefind/pagefind.js`)) throw new Error(`${root}/ has no built site with a search index: run "npm run build:local" first.`);
	const server = await startServer({ root, base, port: 0 });
	const counter = countBytes(server.server);
	const browser = await launchBrowser();
	try {
		const rows: SearchBenchRow[] = [];
		for (const q of queries) {
			const samples = [];
			for (let i = 0; i < runs; i++) samples.push(await measureOnce(browser, server.url, base, q, warmUpQuery, counter, warm));
			const s = samples[0]!;
			const rank = placeOf(s.seen, q.expect);
			const listRank = placeOf(s.listed, q.expect);
			rows.push({
				query: q.query,
				kind: q.kind,
				results: s.results,
				answer: s.answer,
				hit: q.expect ? rank >= 1 && rank <= 3 : undefined,
				rank: q.expect ? rank : undefined,
				listHit: q.expect ? listRank >= 1 && listRank <= 3 : undefined,
				coldBytes: median(samples.map((x) => x.coldBytes)),
				pagefindBytes: median(samples.map((x) => x.pagefindBytes)),
				firstMs: Math.round(median(samples.map((x) => x.firstMs))),
				coldMs: Math.round(median(samples.map((x) => x.coldMs))),
				warmBytes: median(samples.map((x) => x.warmBytes)),
				warmMs: Math.round(median(samples.map((x) => x.warmMs))),
				top: s.seen.slice(0, 5),
			});
			onRow?.(rows.at(-1)!, rows.length, queries.length);
		}
		return rows;
	} finally {
		await browser.close();
		await server.close();
	}
}

// ---------------------------------------------------------------------------------------------
// Time to the first result as a reader meets it: typing straight away on /search/, or in the
// header box of the home page and pressing Enter. Timed from the last keystroke (the last letter,
// or Enter on the home page: the wait the reader sees) to the first result on screen (both read from the page's own clocks, so the test harness adds nothing),
// with no throttling and with Lighthouse's mobile network profile as DevTools applies it.

/**
 * Lighthouse's mobile network ("slow 4G": 150 ms round trip, 1.6 Mbps down, 750 kbps up) with
 * the adjustments Lighthouse makes when the browser itself throttles (×3.75 latency per request,
 * ×0.9 throughput): @paulirish/trace_engine lantern/simulation/Constants.js, mobileSlow4G.
 */
export const LIGHTHOUSE_MOBILE_NETWORK = { offline: false, latency: 150 * 3.75, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };

export type TypingRoute = 'search page' | 'home page box';
export interface TypingRow {
	query: string;
	route: TypingRoute;
	throttled: boolean;
	/** Last keystroke to the first result (or answer) on screen, median of runs. */
	ms: number;
	/** Navigation start of the page the reader typed on, to that first result. */
	fromOpenMs: number;
}

/** The queries timed: two keywords and two whole questions from the relevance list. */
export const TYPING_QUERIES = ['cold spot', 'commissioning', 'what is a cold spot', 'how does local infrastructure help volunteering'];

/** Records each keystroke's time (ms since the epoch) in sessionStorage, so the last survives the move to /search/. */
const RECORD_LAST_KEY = `addEventListener('keydown', (e) => sessionStorage.setItem('bench-last-key', String(performance.timeOrigin + e.timeStamp)), { capture: true });`;

async function typeOnce(browser: Browser, siteUrl: string, query: string, route: TypingRoute, throttled: boolean): Promise<{ ms: number; fromOpenMs: number }> {
	const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
	const page = await context.newPage();
	try {
		await page.addInitScript(RECORD_LAST_KEY);
		if (throttled) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', LIGHTHOUSE_MOBILE_NETWORK);
		}
		// The reader starts typing as soon as the box is on screen, without pausing between keys.
		await page.goto(new URL(route === 'search page' ? 'search/' : '', siteUrl).href, { waitUntil: 'commit' });
		const box = page.locator(route === 'search page' ? '[data-search-form] input[name="q"]' : 'form.site-search input[name="q"]');
		await box.waitFor({ state: 'visible' });
		const openedAt = await page.evaluate(() => performance.timeOrigin);
		await box.focus();
		await page.keyboard.type(query);
		if (route === 'home page box') await Promise.all([page.waitForURL(/\/search\/\?q=/), page.keyboard.press('Enter')]);
		const { firstAt } = await waitForSearch(page, query, 60_000);
		const shownAt = await page.evaluate((t) => performance.timeOrigin + t, firstAt);
		const keyAt = Number(await page.evaluate(() => sessionStorage.getItem('bench-last-key')));
		return { ms: shownAt - keyAt, fromOpenMs: shownAt - openedAt };
	} finally {
		await context.close();
	}
}

/** Every typing route × network × query, `runs` times each (interleaved), as medians. */
export async function benchTyping(options: { root?: string; base?: string; runs?: number; queries?: string[] } = {}): Promise<TypingRow[]> {
	const { root = process.env.LCSI_OUT_DIR ?? 'dist', base = process.env.BASE_PATH ?? '/', runs = 3, queries = TYPING_QUERIES } = options;
	const server = await startServer({ root, base, port: 0 });
	const browser = await launchBrowser();
	try {
		const cases = (['search page', 'home page box'] as const).flatMap((route) => [false, true].flatMap((throttled) => queries.map((query) => ({ route, throttled, query }))));
		const samples = new Map(cases.map((c) => [c, [] as { ms: number; fromOpenMs: number }[]]));
		for (let run = 0; run < runs; run++) for (const c of cases) samples.get(c)!.push(await typeOnce(browser, server.url, c.query, c.route, c.throttled));
		return cases.map((c) => ({ ...c, ms: Math.round(median(samples.get(c)!.map((s) => s.ms))), fromOpenMs: Math.round(median(samples.get(c)!.map((s) => s.fromOpenMs))) }));
	} finally {
		await browser.close();
		await server.close();
	}
}

/** Issue 15's bars, throttled: the first result within 1000 ms on /search/ and 1500 ms from the home page's box. */
export const TYPING_TARGETS: Record<TypingRoute, number> = { 'search page': 1000, 'home page box': 1500 };

/** The throttled times of an earlier typing table (formatTyping's), keyed "route|query", to show beside a new run. */
export function previousTyping(markdown: string): Map<string, string> {
	const rows = new Map<string, string>();
	for (const line of markdown.split('\n')) {
		const cells = line.split('|').map((c) => c.trim());
		if (cells.length >= 6 && (cells[1] === 'search page' || cells[1] === 'home page box')) rows.set(`${cells[1]}|${cells[2]}`, cells[4]!);
	}
	return rows;
}

export function formatTyping(rows: TypingRow[], previous = new Map<string, string>()): string {
	const worst = (route: TypingRoute) => Math.max(...rows.filter((r) => r.route === route && r.throttled).map((r) => r.ms));
	return [
		'| Route | Query | Last keystroke → first result (ms) | Throttled (ms) | Page opened → first result, throttled (ms) | Throttled, previous run (ms) |',
		'| --- | --- | ---: | ---: | ---: | ---: |',
		...rows
			.filter((r) => !r.throttled)
			.map((r) => {
				const t = rows.find((x) => x.throttled && x.route === r.route && x.query === r.query)!;
				return `| ${r.route} | ${r.query} | ${r.ms} | ${t.ms} | ${t.fromOpenMs} | ${previous.get(`${r.route}|${r.query}`) ?? '–'} |`;
			}),
		'',
		...(['search page', 'home page box'] as const).map((route) => `- ${route}: slowest throttled ${worst(route)} ms against a target of ${TYPING_TARGETS[route]} ms: ${worst(route) <= TYPING_TARGETS[route] ? 'met' : '**not met**'}.`),
	].join('\n');
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : 'n/a');

/** Top-three rates: overall, keywords, questions; as seen (answer box first) and for the list alone. */
export function summariseSearchBench(rows: SearchBenchRow[]) {
	const judged = rows.filter((r) => r.hit !== undefined);
	const rate = (list: SearchBenchRow[], key: 'hit' | 'listHit') => ({ hits: list.filter((r) => r[key]).length, of: list.length });
	const byKind = (kind: BenchQuery['kind']) => judged.filter((r) => r.kind === kind);
	return {
		all: rate(judged, 'hit'),
		keywords: rate(byKind('keyword'), 'hit'),
		questions: rate(byKind('question'), 'hit'),
		listAll: rate(judged, 'listHit'),
		listKeywords: rate(byKind('keyword'), 'listHit'),
		listQuestions: rate(byKind('question'), 'listHit'),
		answered: rows.filter((r) => r.answer).length,
		maxColdBytes: Math.max(...rows.map((r) => r.coldBytes)),
		medianColdBytes: median(rows.map((r) => r.coldBytes)),
		medianFirstMs: median(rows.map((r) => r.firstMs)),
		medianWarmMs: median(rows.map((r) => r.warmMs).filter((n) => !Number.isNaN(n))),
	};
}

/** The rows as Markdown (for the terminal and BENCHMARKS.md): a summary, then one line per query. */
export function formatSearchBench(rows: SearchBenchRow[]): string {
	const s = summariseSearchBench(rows);
	const line = (label: string, r: { hits: number; of: number }, l: { hits: number; of: number }) => `| ${label} | ${r.hits} of ${r.of} (${pct(r.hits, r.of)}) | ${l.hits} of ${l.of} (${pct(l.hits, l.of)}) |`;
	const mark = (r: SearchBenchRow) => (r.hit === undefined ? '–' : r.hit ? `yes (${r.rank})` : r.rank ? `no (${r.rank})` : 'no');
	return [
		'| Queries | Top three, as seen (answer box first) | Top three, result list alone |',
		'| --- | ---: | ---: |',
		line('Whole questions', s.questions, s.listQuestions),
		line('Keywords', s.keywords, s.listKeywords),
		line('All', s.all, s.listAll),
		'',
		`Answer box shown for ${s.answered} of ${rows.length} queries. First-query bytes (search UI scripts + Pagefind): median ${kb(s.medianColdBytes)} KB, largest ${kb(s.maxColdBytes)} KB. First result on screen, cold: median ${s.medianFirstMs} ms; warm search: median ${s.medianWarmMs} ms.`,
		'',
		'| Query | Kind | Top three | Answer box | Results | KB, first query (Pagefind) | First result, cold (ms) | First page, cold (ms) | Extra KB, warm | Warm (ms) |',
		'| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...rows.map(
			(r) =>
				`| ${r.query.replace(/\|/g, '\\|')} | ${r.kind} | ${mark(r)} | ${r.answer ? r.answer.replace(/\|/g, '\\|') : '–'} | ${r.results} | ${kb(r.coldBytes)} (${kb(r.pagefindBytes)}) | ${r.firstMs} | ${r.coldMs} | ${Number.isNaN(r.warmBytes) ? '–' : kb(r.warmBytes)} | ${Number.isNaN(r.warmMs) ? '–' : r.warmMs} |`,
		),
	].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--typing')) {
	const runsFlag = process.argv.find((a) => a.startsWith('--runs='));
	console.log(formatTyping(await benchTyping({ runs: runsFlag ? Number(runsFlag.split('=')[1]) : undefined })));
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const runsFlag = process.argv.find((a) => a.startsWith('--runs='));
	const rows = await benchSearch({
		runs: runsFlag ? Number(runsFlag.split('=')[1]) : undefined,
		warm: !process.argv.includes('--no-warm'),
		onRow: (r, i, of) => process.stderr.write(`${i}/${of} ${r.hit === false ? 'miss' : r.hit ? 'hit ' : '    '} ${r.query}\n`),
	});
	if (process.argv.includes('--verbose')) for (const r of rows) console.log(`${r.hit === false ? '✗' : r.hit ? '✓' : '·'} ${r.query}${r.answer ? `  [answer: ${r.answer}]` : ''}\n    ${r.top.join('\n    ')}`);
	console.log(formatSearchBench(rows));
	console.log('\nKeyword and question queries from tests/search-queries.json. "As seen": the answer box, when shown, counts as the page it links to, then the results. Cold: fresh profile, navigation start → results on screen. Warm: Pagefind already loaded, search start → results. KB as sent (gzip where compressed). Median of runs; headless Chromium on localhost, so network latency is not included.');
}
