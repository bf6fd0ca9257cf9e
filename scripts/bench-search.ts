/**
 * Search benchmark: `npm run bench:search` (after a build; reads dist/ or LCSI_OUT_DIR, and
 * BASE_PATH if the site was built under a sub-path). For each query in
 * tests/search-queries.json it opens /search/?q=… in headless Chromium and reports:
 *
 * - cold: a fresh browser profile (empty cache) opening the search URL — bytes of Pagefind
 *   files sent over the network (gzip where the server compresses, as a CDN would) and ms from
 *   navigation start to the first results on screen;
 * - warm: the same query typed on a search page that has already run another search (Pagefind
 *   and its WebAssembly loaded) — the extra Pagefind bytes that query needs and ms from the
 *   search starting (after the typing pause) to results on screen.
 *
 * Bytes are counted by the static server as it writes them, because Chromium does not report
 * transfer sizes for requests made inside Pagefind's web worker. Times are medians of --runs
 * (default 3). `benchSearch()` returns the rows so a combined benchmark can reuse them.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { SEARCH_MARKS } from '../src/lib/search-results.ts';
import { searchStateToQuery } from '../src/lib/search-url.ts';
import { launchBrowser } from '../tests/browser/support/browser.ts';
import { startServer } from './lib/static-server.ts';

export interface SearchBenchRow {
	query: string;
	results: number;
	/** Pagefind bytes sent for a cold search: its script, worker, WebAssembly, metadata, index chunks, fragments. */
	coldBytes: number;
	/** Navigation start to first results rendered, fresh profile. */
	coldMs: number;
	/** Extra Pagefind bytes this query needs once Pagefind is loaded. */
	warmBytes: number;
	/** Search start to first results rendered, Pagefind already loaded. */
	warmMs: number;
}

export interface SearchBenchOptions {
	/** Built site folder. */
	root?: string;
	/** Base path the site was built for. */
	base?: string;
	queries?: string[];
	runs?: number;
	/** Query run first on the warm page, so Pagefind is loaded before the measured one. */
	warmUpQuery?: string;
}

const QUERY_FILE = new URL('../tests/search-queries.json', import.meta.url);

/** The fixed queries shared by the benchmark and the browser tests. */
export function benchQueries(): { query: string; expect?: string; section?: string; why?: string }[] {
	return JSON.parse(readFileSync(QUERY_FILE, 'utf8')).queries;
}

/**
 * Wait until the search page has rendered results for `query`, and return the timings the page
 * recorded (performance marks set by src/scripts/search-ui.ts).
 */
export async function waitForSearch(page: Page, query: string, timeout = 15_000): Promise<{ count: number; renderedAt: number; searchMs: number }> {
	const handle = await page.waitForFunction(
		({ marks, q }) => {
			const rendered = performance.getEntriesByName(marks.rendered).filter((e) => (e as PerformanceMark).detail?.query === q).at(-1) as PerformanceMark | undefined;
			const started = performance.getEntriesByName(marks.start).filter((e) => (e as PerformanceMark).detail?.query === q).at(-1);
			if (!rendered || !started) return null;
			return { count: rendered.detail.count as number, renderedAt: rendered.startTime, searchMs: rendered.startTime - started.startTime };
		},
		{ marks: SEARCH_MARKS, q: query },
		{ timeout },
	);
	return (await handle.jsonValue())!;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Counts body bytes the server writes for Pagefind's files (compressed size when gzipped). */
function countPagefindBytes(server: import('node:http').Server) {
	const counter = { bytes: 0 };
	// prependListener: runs before the file handler writes anything.
	server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
		if (!req.url?.includes('/pagefind/')) return;
		const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
		const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
		const size = (chunk: unknown) => (typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk instanceof Uint8Array ? chunk.byteLength : 0);
		res.write = ((chunk: unknown, ...rest: unknown[]) => {
			counter.bytes += size(chunk);
			return write(chunk, ...rest);
		}) as typeof res.write;
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (typeof chunk !== 'function') counter.bytes += size(chunk);
			return end(chunk, ...rest);
		}) as typeof res.end;
	});
	return counter;
}

async function measureOnce(browser: Browser, siteUrl: string, query: string, warmUpQuery: string, counter: { bytes: number }) {
	const searchUrl = (q: string) => new URL(`search/?${searchStateToQuery({ query: q, filters: {} })}`, siteUrl).href;

	// Cold: a new context has an empty cache.
	let context = await browser.newContext();
	let page = await context.newPage();
	counter.bytes = 0;
	await page.goto(searchUrl(query));
	const cold = await waitForSearch(page, query);
	const coldBytes = counter.bytes;
	await context.close();

	// Warm: Pagefind loaded by an earlier search on the same page, then the query typed.
	context = await browser.newContext();
	page = await context.newPage();
	await page.goto(searchUrl(warmUpQuery));
	await waitForSearch(page, warmUpQuery);
	counter.bytes = 0;
	await page.fill('[data-search-form] input[name="q"]', query);
	const warm = await waitForSearch(page, query);
	const warmBytes = counter.bytes;
	await context.close();

	return { results: cold.count, coldBytes, coldMs: cold.renderedAt, warmBytes, warmMs: warm.searchMs };
}

export async function benchSearch(options: SearchBenchOptions = {}): Promise<SearchBenchRow[]> {
	const { root = process.env.LCSI_OUT_DIR ?? 'dist', base = process.env.BASE_PATH ?? '/', queries = benchQueries().map((q) => q.query), runs = 3, warmUpQuery = 'LCSI' } = options;
	if (!existsSync(`${root}/pagefind/pagefind.js`)) throw new Error(`${root}/ has no built site with a search index: run "npm run build:local" first.`);
	const server = await startServer({ root, base, port: 0 });
	const counter = countPagefindBytes(server.server);
	const browser = await launchBrowser();
	try {
		const rows: SearchBenchRow[] = [];
		for (const query of queries) {
			const samples = [];
			for (let i = 0; i < runs; i++) samples.push(await measureOnce(browser, server.url, query, warmUpQuery, counter));
			rows.push({
				query,
				results: samples[0]!.results,
				coldBytes: median(samples.map((s) => s.coldBytes)),
				coldMs: Math.round(median(samples.map((s) => s.coldMs))),
				warmBytes: median(samples.map((s) => s.warmBytes)),
				warmMs: Math.round(median(samples.map((s) => s.warmMs))),
			});
		}
		return rows;
	} finally {
		await browser.close();
		await server.close();
	}
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The rows as a Markdown table (for the terminal and BENCHMARKS.md). */
export function formatSearchBench(rows: SearchBenchRow[]): string {
	const lines = [
		'| Query | Results | Pagefind KB, cold | First results, cold (ms) | Extra KB, warm | First results, warm (ms) |',
		'| --- | ---: | ---: | ---: | ---: | ---: |',
		...rows.map((r) => `| ${r.query.replace(/\|/g, '\\|')} | ${r.results} | ${kb(r.coldBytes)} | ${r.coldMs} | ${kb(r.warmBytes)} | ${r.warmMs} |`),
	];
	return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const runsFlag = process.argv.find((a) => a.startsWith('--runs='));
	const rows = await benchSearch({ runs: runsFlag ? Number(runsFlag.split('=')[1]) : undefined });
	console.log(formatSearchBench(rows));
	console.log('\nCold: fresh profile, navigation start → results on screen. Warm: Pagefind already loaded, search start → results. KB as sent (gzip where compressed). Median of runs; headless Chromium on localhost, so network latency is not included.');
}
