/**
 * `npm run bench`: how the site performs and how its build scales, written to BENCHMARKS.md.
 * Not part of `npm test`: it takes several minutes and its numbers depend on the machine.
 *
 * (a) Build scaling: clean builds of the real content and of 10× and 100× synthetic content
 *     (scripts/lib/synthetic-content.ts), each in its own temp copy of the project, so
 *     nothing lands in content/ or dist/: build time, pages, Pagefind index size on disk.
 * (b) Page weight of every page of the real build, loaded in Chromium from the gzip static
 *     server (the numbers the weight budget test checks).
 * (c) Lighthouse (mobile, its default simulated throttling, one run per page) for every
 *     top-level page type (lighthousePages()), against the system Chromium.
 * (d) Search, from scripts/bench-search.ts when it is there.
 *
 * Options: --factors=1,10,100 (which builds), --no-lighthouse, --no-search, --out=FILE
 * (default BENCHMARKS.md; --out=- prints only). A "## Test suite time" section already in
 * the output file is kept (it is measured from `npm test`, not here).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem, type, arch } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH, launchBrowser, openPage } from '../tests/browser/support/browser.ts';
import { builtPages } from '../tests/browser/support/pages.ts';
import { lighthousePages } from './lib/lighthouse-pages.ts';
import { BUDGET, inlineScriptBytes, kb, recordTransfers, summarise, type PageWeight, type Transfer } from './lib/page-weight.ts';
import { startServer } from './lib/static-server.ts';
import { allowSyntheticNumbers, multiplyContent, type SyntheticCounts } from './lib/synthetic-content.ts';
import { createTempProject, REPO_ROOT, type TempProject } from './lib/temp-project.ts';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const factors = (option('factors') ?? '1,10,100').split(',').map(Number);
const out = option('out') ?? 'BENCHMARKS.md';
const withLighthouse = !args.includes('--no-lighthouse');
const withSearch = !args.includes('--no-search');

/** The same flags the browser tests use (tests/browser/support/browser.ts). */
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// ---------------------------------------------------------------------------------------------
// Formatting

function table(headers: string[], rows: (string | number)[][], align: ('l' | 'r')[] = []): string {
	const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
	return [line(headers), line(headers.map((_, i) => (align[i] === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const log = (message: string) => console.error(`[bench] ${message}`);

function dirSize(dir: string): { files: number; bytes: number } {
	let files = 0;
	let bytes = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		files++;
		bytes += statSync(join(entry.parentPath, entry.name)).size;
	}
	return { files, bytes };
}

// ---------------------------------------------------------------------------------------------
// (a) Build scaling

interface BuildRow {
	factor: number;
	counts: SyntheticCounts;
	pages: number;
	ms: number;
	/** The whole pagefind/ folder, Pagefind's scripts and WebAssembly included. */
	pagefind: { files: number; bytes: number };
	/** The index proper, which grows with content: index/, fragment/, filter/ and the metadata file. */
	index: { files: number; bytes: number };
	dist: { files: number; bytes: number };
	phases: Phases;
}

/** Where a build's time went, from what `astro build` prints (seconds). */
interface Phases {
	/** Content sync and type generation ("[types] Generated"). */
	content: number;
	/** Vite bundling ("[vite] ✓ built in"). */
	bundle: number;
	/** Rendering HTML pages and other routes, from the per-route times Astro lists. */
	pages: number;
	/** Rendering the social-card PNGs (routes under /og/). */
	cards: number;
	/** Whatever is left: start-up, sitemap, Pagefind indexing. */
	rest: number;
}

function phases(output: string, totalMs: number): Phases {
	const secs = (re: RegExp) => [...output.matchAll(re)].reduce((n, m) => n + Number(m[1]) * (m[2] === 'ms' ? 0.001 : 1), 0);
	const content = secs(/\[types\] Generated ([\d.]+)(m?s)/g);
	const bundle = secs(/\[vite\] ✓ built in ([\d.]+)(m?s)/g);
	let pages = 0;
	let cards = 0;
	for (const m of output.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/g)) {
		if (m[1]!.startsWith('/og/')) cards += Number(m[2]) / 1000;
		else pages += Number(m[2]) / 1000;
	}
	return { content, bundle, pages, cards, rest: Math.max(0, totalMs / 1000 - content - bundle - pages - cards) };
}

/** Pagefind's index data in a build: what a search fetches from, and what grows with pages. */
function indexSize(pagefind: string): { files: number; bytes: number } {
	const parts = ['index', 'fragment', 'filter'].map((d) => dirSize(join(pagefind, d)));
	const meta = readdirSync(pagefind).filter((f) => f.endsWith('.pf_meta')).map((f) => statSync(join(pagefind, f)).size);
	return { files: parts.reduce((n, p) => n + p.files, meta.length), bytes: parts.reduce((n, p) => n + p.bytes, 0) + meta.reduce((n, b) => n + b, 0) };
}

/** Node's heap for the 100× build, in MB (its default stopped the build; this machine has 24 GiB). */
const BIG_BUILD_HEAP_MB = 12_288;

async function timedBuild(factor: number, project: TempProject): Promise<BuildRow> {
	let counts: SyntheticCounts = { findings: 0, reports: 0, functions: 0 };
	if (factor > 1) {
		await allowSyntheticNumbers(project.root);
		counts = await multiplyContent(project.content, factor);
	} else {
		for (const c of ['findings', 'reports', 'functions'] as const) counts[c] = readdirSync(join(project.content, c)).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).length;
	}
	log(`building ${factor}× content (${counts.findings} findings, ${counts.reports} reports, ${counts.functions} functions) in ${project.root}`);
	// 100× content (over 3,600 pages) outgrows Node's default heap (the build stopped with "heap
	// out of memory"); the machine has room to give it more.
	const result = await project.build(factor >= 100 ? { NODE_OPTIONS: `--max-old-space-size=${BIG_BUILD_HEAP_MB}` } : {});
	if (result.code !== 0) {
		// The lines that name the problem, rather than the tail of the route list.
		const errors = result.output.split('\n').filter((l) => /error|heap|killed|ENOMEM|ENOSPC/i.test(l)).slice(-8);
		throw new Error(`The ${factor}× build failed (exit code ${result.code}): ${errors.join(' | ') || result.output.slice(-1000)}`);
	}
	const row = { factor, counts, pages: builtPages(project.dist).length, ms: result.ms, pagefind: dirSize(join(project.dist, 'pagefind')), index: indexSize(join(project.dist, 'pagefind')), dist: dirSize(project.dist), phases: phases(result.output, result.ms) };
	log(`${factor}×: ${row.pages} pages in ${seconds(row.ms)} s`);
	return row;
}

// ---------------------------------------------------------------------------------------------
// (b) Page weight

async function pageWeights(siteUrl: string, pages: string[]): Promise<Map<string, PageWeight>> {
	const browser = await launchBrowser();
	const weights = new Map<string, PageWeight>();
	try {
		for (const path of pages) {
			let finished: () => Promise<Transfer[]> = async () => [];
			const { page, problems, close } = await openPage(browser, new URL(path, siteUrl).href, {
				allowStatus: path === '404.html' ? [404] : [],
				beforeGoto: (p) => {
					finished = recordTransfers(p);
				},
			});
			try {
				weights.set(path, summarise(await finished(), await inlineScriptBytes(page)));
				if (problems.foreignRequests.length) log(`/${path} requested other hosts: ${problems.foreignRequests.join(', ')}`);
			} finally {
				await close();
			}
		}
	} finally {
		await browser.close();
	}
	return weights;
}

// ---------------------------------------------------------------------------------------------
// (c) Lighthouse

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Issue 15's bar: first contentful paint on the home page, a finding and a report. */
const FCP_TARGET_MS = 900;
const FCP_TARGET_PAGES = /^(|findings\/\d+-[^/]+\/|reports\/[^/]+\/)$/;
/** Lighthouse runs per page; the table gives the median of each number. */
const LIGHTHOUSE_RUNS = Number(option('lighthouse-runs') ?? 3);
interface LighthouseRow {
	path: string;
	scores: Record<(typeof CATEGORIES)[number], number>;
	/** Audits that lost points in any run, so a score below target says why. */
	failing: string[];
	/** Milliseconds, except CLS (unitless). */
	metrics: { fcp: number; lcp: number; tbt: number; cls: number };
}

const median = (xs: number[]) => {
	const sorted = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Runs are interleaved (every page once, then again), so a busy moment on the machine is spread across pages. */
async function lighthouseScores(siteUrl: string, paths: string[]): Promise<LighthouseRow[]> {
	const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
	const runs = new Map<string, { scores: LighthouseRow['scores']; metrics: LighthouseRow['metrics']; failing: string[] }[]>(paths.map((p) => [p, []]));
	try {
		for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
			for (const path of paths) {
				log(`Lighthouse /${path} (run ${run} of ${LIGHTHOUSE_RUNS})`);
				const result = await lighthouse(new URL(path, siteUrl).href, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
				if (!result) throw new Error(`Lighthouse returned nothing for /${path}`);
				const { lhr } = result;
				const failing: string[] = [];
				for (const category of Object.values(lhr.categories)) {
					for (const ref of category.auditRefs) {
						const audit = lhr.audits[ref.id];
						if (audit && ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${category.id}: ${audit.id} (${audit.displayValue ?? `score ${audit.score}`})`);
					}
				}
				const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
				runs.get(path)!.push({
					scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as LighthouseRow['scores'],
					failing,
					metrics: { fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift') },
				});
			}
		}
	} finally {
		chrome.kill();
	}
	return paths.map((path) => {
		const rs = runs.get(path)!;
		return {
			path,
			scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(rs.map((r) => r.scores[c]))])) as LighthouseRow['scores'],
			failing: [...new Set(rs.flatMap((r) => r.failing))],
			metrics: { fcp: median(rs.map((r) => r.metrics.fcp)), lcp: median(rs.map((r) => r.metrics.lcp)), tbt: median(rs.map((r) => r.metrics.tbt)), cls: median(rs.map((r) => r.metrics.cls)) },
		};
	});
}

/**
 * A table from the previous BENCHMARKS.md, as page → the named columns' cells, to show beside
 * this run. A column matches by its name with or without a unit ("FCP" finds "FCP (ms)").
 */
function previousTable(markdown: string, section: string, columns: string[]): Map<string, string[]> {
	const body = new RegExp(`\\n## ${section}\\n([\\s\\S]*?)(?=\\n## |$)`).exec(markdown)?.[1] ?? '';
	const lines = body.split('\n');
	const header = lines.find((l) => l.startsWith('| Page'))?.split('|').map((c) => c.trim()) ?? [];
	const rows = new Map<string, string[]>();
	for (const line of lines.filter((l) => l.startsWith('| /'))) {
		const cells = line.split('|').map((c) => c.trim());
		rows.set(cells[1]!, columns.map((name) => cells[header.findIndex((h) => h === name || h.startsWith(`${name} (`))] ?? '–'));
	}
	return rows;
}

// ---------------------------------------------------------------------------------------------
// (d) Search, if the search benchmark is there (scripts/bench-search.ts)

async function searchSection(root: string, previous: string): Promise<string> {
	const { benchSearch, benchTyping, formatSearchBench, formatTyping, previousTyping } = await import('./bench-search.ts');
	log('search benchmark: time to the first result as a reader types');
	const typing = formatTyping(await benchTyping({ root, base: '/' }), previousTyping(previous));
	log('search benchmark: relevance, bytes and times per query');
	const relevance = formatSearchBench(await benchSearch({ root, base: '/' }));
	return [
		'### Time to the first result',
		'',
		'A fresh profile at a phone-sized window opens the page and, as soon as the search box is on screen, types the query without pausing between keys; on the home page the reader then presses Enter, which opens /search/?q=…. Timed from the last keystroke (the last letter on /search/, Enter on the home page: the wait the reader sees) to the first result (or answer) on screen, median of 3 interleaved runs; “throttled” is Lighthouse’s mobile network as the browser applies it (562.5 ms latency per request, 1.47 Mbps down, 675 kbps up), CPU unthrottled.',
		'',
		typing,
		'',
		'### Relevance, bytes and times per query',
		'',
		relevance,
	].join('\n');
}

// ---------------------------------------------------------------------------------------------

function machine(): string[] {
	const git = (...a: string[]) => execFileSync('git', a, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
	const cpu = cpus();
	return [
		`- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
		`- Commit: ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' (with uncommitted changes)' : ''}`,
		`- Machine: ${type()} ${release()} ${arch()}; ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}; ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
		`- Node ${process.version}; Chromium ${execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().replace(/^Chromium\s*/, '')}`,
		`- Load average when the run started: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (other work on the machine slows builds and Lighthouse's CPU-bound metrics)`,
	];
}

const started = performance.now();
const header = machine();
/** The file this run replaces: its numbers are shown beside the new ones. */
const previous = out !== '-' && existsSync(join(REPO_ROOT, out)) ? readFileSync(join(REPO_ROOT, out), 'utf8') : '';
const builds: BuildRow[] = [];
let weights = new Map<string, PageWeight>();
let lighthouseRows: LighthouseRow[] = [];
let search = '';

/** Builds that failed: reported in the output instead of losing the rest of the run. */
const failedBuilds: string[] = [];
for (const factor of factors) {
	const project = await createTempProject(`bench-${factor}x`);
	try {
		try {
			builds.push(await timedBuild(factor, project));
		} catch (error) {
			if (factor === 1) throw error;
			failedBuilds.push(String(error).split('\n').slice(0, 6).join(' '));
			log(`${factor}× build failed; going on`);
			continue;
		}
		if (factor === 1) {
			// The real site: weigh every page, run Lighthouse and the search benchmark on this build.
			const server = await startServer({ root: project.dist, port: 0 });
			try {
				const pages = builtPages(project.dist);
				log(`weighing ${pages.length} pages`);
				weights = await pageWeights(server.url, pages);
				if (withLighthouse) lighthouseRows = await lighthouseScores(server.url, lighthousePages(pages));
			} finally {
				await server.close();
			}
			if (withSearch) search = await searchSection(project.dist, previous);
		}
	} finally {
		await project.remove();
	}
}

const sections: string[] = [
	'# Benchmarks',
	'',
	'Written by `npm run bench` (scripts/bench.ts); run it again to refresh. Numbers depend on the machine and on what else it is doing.',
	'',
	...header,
	'',
	'## Build time and search index size',
	'',
	'Clean builds (no Astro cache) of a temp copy of the project: Astro, social cards and Pagefind together. 10× and 100× multiply findings, reports and functions with synthetic copies (same words, new ids, numbers and titles); the glossary and the theory of change stay as they are, and because the copies reuse the real words the index grows by pages rather than by vocabulary. “Index” is Pagefind’s index data (index/, fragment/, filter/, metadata), on disk before compression; “pagefind/” adds its scripts and WebAssembly. The 100× build runs with a 12 GB Node heap (NODE_OPTIONS=--max-old-space-size=12288): with the default it runs out of memory. The brief’s bar is a clean build of the real site in under 60 s on 2 cores.',
	'',
	table(
		['Content', 'Findings', 'Reports', 'Functions', 'Pages', 'Build (s)', 'Index files', 'Index (KB)', 'Index per page (KB)', 'pagefind/ (KB)', 'Whole build (KB)'],
		builds.map((b) => [
			b.factor === 1 ? 'real site' : `${b.factor}× synthetic`,
			b.counts.findings,
			b.counts.reports,
			b.counts.functions,
			b.pages,
			seconds(b.ms),
			b.index.files,
			kb(b.index.bytes),
			kb(b.index.bytes / b.pages),
			kb(b.pagefind.bytes),
			kb(b.dist.bytes),
		]),
		['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
	),
	'',
	...(failedBuilds.length ? ['', `**Failed builds:** ${failedBuilds.join('; ')}`] : []),
	'',
	'Where the build time went (seconds), from the timings `astro build` prints: content sync and types, Vite bundling, rendering pages, rendering social-card PNGs, and the rest (start-up, sitemap, Pagefind).',
	'',
	table(
		['Content', 'Build', 'Content and types', 'Bundling', 'Pages', 'Social cards', 'Rest'],
		builds.map((b) => [b.factor === 1 ? 'real site' : `${b.factor}× synthetic`, seconds(b.ms), ...[b.phases.content, b.phases.bundle, b.phases.pages, b.phases.cards, b.phases.rest].map((x) => x.toFixed(1))]),
		['l', 'r', 'r', 'r', 'r', 'r', 'r'],
	),
];

if (weights.size) {
	const over = [...weights].filter(([, w]) => w.total > BUDGET.total || w.js > BUDGET.js);
	const before = previousTable(previous, 'Page weight', ['Total']);
	const previousTotals = [...before.values()].map(([t]) => Number(t)).filter((t) => Number.isFinite(t));
	const medianTotal = median([...weights.values()].map((w) => w.total));
	const medianJs = median([...weights.values()].map((w) => w.js));
	sections.push(
		'',
		'## Page weight',
		'',
		`Every page of the real build loaded in Chromium from the gzip static server: bytes on the wire (compressed bodies plus headers), search index excluded. Budget: ${kb(BUDGET.total)} KB in all and ${kb(BUDGET.js)} KB of JavaScript per page (1 KB = 1,000 bytes). ${over.length ? `**Over budget: ${over.map(([p]) => `/${p}`).join(', ')}.**` : 'Every page is within it.'}`,
		'',
		table(
			['Page', 'Total (KB)', 'HTML', 'CSS', 'JS', 'Other', 'Requests', 'Previous total'],
			[...weights].map(([path, w]) => [`/${path}`, kb(w.total), kb(w.html), kb(w.css), kb(w.js), kb(w.other), w.requests, before.get(`/${path}`)?.[0] ?? '–']),
			['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
		),
		'',
		`Median per page: ${kb(medianTotal)} KB transferred, ${kb(medianJs)} KB of it JavaScript${previousTotals.length ? ` (previous run: ${median(previousTotals).toFixed(1)} KB)` : ''}; issue 15 asks for a median under 20 KB.`,
	);
}

if (lighthouseRows.length) {
	const below = lighthouseRows.filter((r) => r.scores.performance < 98 || r.scores.accessibility < 100 || r.scores['best-practices'] < 100 || r.scores.seo < 100 || r.metrics.cls > 0);
	const slowPaint = lighthouseRows.filter((r) => FCP_TARGET_PAGES.test(r.path) && r.metrics.fcp > FCP_TARGET_MS);
	const before = previousTable(previous, 'Lighthouse', ['FCP', 'LCP', 'TBT', 'CLS']);
	const ms = (x: number) => String(Math.round(x));
	sections.push(
		'',
		'## Lighthouse',
		'',
		`Lighthouse 13 from npm, mobile form factor with its default simulated throttling, against the system Chromium and the gzip static server: ${LIGHTHOUSE_RUNS} runs per page, interleaved across pages, and the median of each number. Targets: performance ≥ 98 (100 wanted), accessibility, best practices and SEO 100, CLS 0; first contentful paint at most ${FCP_TARGET_MS} ms on the home page, a finding and a report. “Previous” is the table this run replaced (FCP / LCP / TBT / CLS as it gave them).`,
		'',
		table(
			['Page', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'FCP (ms)', 'LCP (ms)', 'TBT (ms)', 'CLS', 'Previous'],
			lighthouseRows.map((r) => [`/${r.path}`, r.scores.performance, r.scores.accessibility, r.scores['best-practices'], r.scores.seo, ms(r.metrics.fcp), ms(r.metrics.lcp), ms(r.metrics.tbt), r.metrics.cls.toFixed(3), before.get(`/${r.path}`)?.join(' / ') ?? '–']),
			['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
		),
		'',
		below.length ? `Below target: ${below.map((r) => `/${r.path}`).join(', ')}. Audits that lost points:\n\n${below.flatMap((r) => r.failing.map((f) => `- /${r.path}: ${f}`)).join('\n')}` : 'Every page meets every score target, with no layout shift.',
		'',
		slowPaint.length ? `First contentful paint over ${FCP_TARGET_MS} ms: ${slowPaint.map((r) => `/${r.path} (${ms(r.metrics.fcp)} ms)`).join(', ')}.` : `First contentful paint is within ${FCP_TARGET_MS} ms on the home page, the finding and the report.`,
	);
}

if (search) sections.push('', '## Search', '', 'From scripts/bench-search.ts on the same build (its KB are 1,024 bytes).', '', search);

sections.push('', `Benchmark run time: ${seconds(performance.now() - started)} s.`, '');
// The test suite's own timing is measured from `npm test`; keep it across bench runs.
const testTime = /\n## Test suite time\n[\s\S]*?(?=\n## |\nBenchmark run time|$)/.exec(previous)?.[0];
if (testTime) sections.splice(sections.length - 2, 0, testTime.trim(), '');
const markdown = sections.join('\n');
console.log(markdown);
if (out !== '-') {
	await writeFile(join(REPO_ROOT, out), markdown);
	log(`written to ${out}`);
}
