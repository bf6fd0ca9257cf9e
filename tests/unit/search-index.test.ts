/**
 * What the search index holds: the index policy (src/lib/search-index.ts) on real-shaped HTML,
 * and the Pagefind indexing hook with Pagefind mocked (as Starlight tests its own hook): it
 * hands each built page to Pagefind after the policy, adds every common question as its own
 * record, writes the bundle into the site, fails the build on any Pagefind error or an empty
 * index, and always stops Pagefind's service.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import pagefind, { fillPagefindNames, urlForFile } from '../../src/integrations/pagefind.ts';
import { INDEX_CHUNK_SIZE, INDEX_EXCLUDE_SELECTORS, KIND_WEIGHTS, extractQuestions, pageKind, prepareForIndex, questionRecordHtml } from '../../src/lib/search-index.ts';

const calls = vi.hoisted(() => ({
	addHTMLFile: vi.fn(),
	writeFiles: vi.fn(),
	createIndex: vi.fn(),
	close: vi.fn(),
}));
vi.mock('pagefind', () => ({ createIndex: calls.createIndex, close: calls.close }));

const page = (marker: string, body: string) =>
	`<!doctype html><html lang="en-GB"><head><title>t</title></head><body><nav>Menu</nav><main id="main" data-pagefind-body>${marker}${body}</main></body></html>`;
const reportPage = page(
	'<div hidden data-search-index="report" data-search-title="Survey findings"></div>',
	'<article><p class="eyebrow">Report summary</p><h1>Local Civil Society Infrastructure (LCSI) R&amp;D Programme - survey findings</h1><h2 id="key-findings">Key findings</h2><p>Text.</p></article>',
);
const findingPage = page('<div hidden data-search-index="finding" data-search-title="Finding 4: Enough"></div>', '<h1>Enough</h1><p class="statement" data-pagefind-weight="5">Statement.</p><h2 id="x">X</h2>');
const questionsPage = `<!doctype html><html lang="en-GB"><body><main id="main">
	<section class="question" data-question="does-more-funding" data-kind="finding" data-evidence="moderate" data-read-path="/findings/4-x/#what-the-research-found" data-read-label="Finding 4: Enough" data-keywords="funding, charities">
		<div class="heading-wrapper level-h3"><h3 id="does-more-funding">Does more funding lead to more charities?</h3><a class="anchor-link" href="#does-more-funding"><span class="sr-only">Copy link</span></a></div>
		<p class="question-answer">The research found no evidence linking   higher LCSI spending to more organisations.</p>
	</section>
	<section class="question" data-question="has-funding-fallen" data-kind="not-answered" data-read-path="/findings/4-x/" data-read-label="Finding 4" data-keywords="">
		<h3 id="has-funding-fallen">Has funding gone down?</h3><p class="question-answer">The briefing does not say.</p>
	</section></main></body></html>`;

describe('the index policy', () => {
	test('furniture stays out of every page: contents lists, Cite this, source notes, badges, drawings, other findings', () => {
		for (const selector of ['nav', '.toc', '.cite-this', '.source-notes', '.evidence-badge', '.finding-aside', '.prev-next', 'svg']) expect(INDEX_EXCLUDE_SELECTORS).toContain(selector);
	});

	test('answers count more than report summaries', () => {
		for (const kind of ['question', 'finding', 'definition']) expect(KIND_WEIGHTS[kind]!, kind).toBeGreaterThan(KIND_WEIGHTS.report!);
		expect(KIND_WEIGHTS.list!).toBeLessThan(KIND_WEIGHTS.finding!);
	});

	test('a report summary is indexed under its short title, its GOV.UK title kept as plain text, everything weighted down', () => {
		const html = prepareForIndex(reportPage);
		expect(html).toMatch(/<h1 data-pagefind-weight="([\d.]+)">Survey findings<\/h1><p>Local Civil Society Infrastructure \(LCSI\) R&#x26;D Programme - survey findings<\/p>/);
		const h1 = Number(/<h1 data-pagefind-weight="([\d.]+)"/.exec(html)![1]);
		expect(h1).toBeCloseTo(7 * KIND_WEIGHTS.report!, 5);
		expect(html).toContain(`data-pagefind-body="" data-pagefind-weight="${KIND_WEIGHTS.report}"`);
		expect(html).toContain(`<h2 id="key-findings" data-pagefind-weight="${Math.round(6 * KIND_WEIGHTS.report! * 100) / 100}">`);
	});

	test('a finding is weighted up, and its own weights scale with it', () => {
		const html = prepareForIndex(findingPage);
		expect(html).toContain(`data-pagefind-weight="${Math.round(5 * KIND_WEIGHTS.finding! * 100) / 100}">Statement.`);
		expect(html).toContain(`<h1 data-pagefind-weight="${Math.round(7 * KIND_WEIGHTS.finding! * 100) / 100}">Enough</h1>`);
	});

	test('list pages count as lists; pages without data-pagefind-body are left alone', () => {
		const list = page('<div hidden data-search-index="finding" data-search-list></div>', '<h1>The twelve findings</h1>');
		expect(prepareForIndex(list)).toContain(`data-pagefind-weight="${KIND_WEIGHTS.list}"`);
		const search = '<html><body><main><h1>Search</h1></main></body></html>';
		expect(prepareForIndex(search)).toBe(search);
		expect(pageKind({ type: 'root', children: [] })).toBeUndefined();
	});

	test('each common question is read from the questions page', () => {
		expect(extractQuestions(questionsPage)).toEqual([
			{
				id: 'does-more-funding',
				question: 'Does more funding lead to more charities?',
				answer: 'The research found no evidence linking higher LCSI spending to more organisations.',
				kind: 'finding',
				evidence: 'moderate',
				readPath: '/findings/4-x/#what-the-research-found',
				readLabel: 'Finding 4: Enough',
				keywords: 'funding, charities',
			},
			{ id: 'has-funding-fallen', question: 'Has funding gone down?', answer: 'The briefing does not say.', kind: 'not-answered', evidence: undefined, readPath: '/findings/4-x/', readLabel: 'Finding 4', keywords: '' },
		]);
	});

	test('a question record: the question as its title, the answer as its only text, meta for the answer box, type and strength filters', () => {
		const [q] = extractQuestions(questionsPage);
		const html = questionRecordHtml(q!);
		expect(html).not.toContain('<h1');
		expect(html).toMatch(/<\/div><p>The research found no evidence linking higher LCSI spending to more organisations.<\/p><\/main>/);
		expect(html).toContain('data-pagefind-filter="type[data-value]" data-value="question"');
		expect(html).toContain('data-pagefind-filter="strength[data-value]" data-value="moderate"');
		for (const [key, value] of [['title', 'Does more funding lead to more charities?'], ['keywords', 'funding, charities'], ['read', '/findings/4-x/#what-the-research-found'], ['strength', 'moderate'], ['kind', 'finding']])
			expect(html).toContain(`data-pagefind-meta="${key}[data-value]" data-value="${value}"`);
		expect(html).toContain('data-pagefind-body');
		// No strength where the research does not answer.
		expect(questionRecordHtml(extractQuestions(questionsPage)[1]!)).not.toContain('strength[data-value]');
	});

	test('Pagefind file names are filled in where pages preload them', () => {
		const html = '<link href="/lcsi/pagefind/pagefind.pf_meta" data-pagefind-preload><form data-search-warm="/pagefind/pagefind.js /pagefind/pagefind-entry.json?ts=PAGEFIND_BUILD_TAG /pagefind/wasm.pagefind /pagefind/pagefind.pf_meta" data-pagefind-tag="PAGEFIND_BUILD_TAG">';
		expect(fillPagefindNames(html, { hash: 'en-gb_abc', wasm: 'en-gb' })).toBe(
			'<link href="/lcsi/pagefind/pagefind.en-gb_abc.pf_meta" data-pagefind-preload><form data-search-warm="/pagefind/pagefind.js /pagefind/pagefind-entry.json?ts=en-gb_abc /pagefind/wasm.en-gb.pagefind /pagefind/pagefind.en-gb_abc.pf_meta" data-pagefind-tag="en-gb_abc">',
		);
	});

	test('URLs are directory-style, as the site uses', () => {
		expect(urlForFile('index.html')).toBe('/');
		expect(urlForFile('findings/4-x/index.html')).toBe('/findings/4-x/');
		expect(urlForFile('404.html')).toBe('/404.html');
	});
});

describe('the indexing hook', () => {
	let site: string;
	beforeEach(() => {
		vi.resetAllMocks();
		site = mkdtempSync(join(tmpdir(), 'lcsi-pagefind-'));
		for (const [path, html] of Object.entries({
			'index.html': findingPage,
			'reports/survey-findings/index.html': reportPage,
			'questions/index.html': questionsPage,
			'search/index.html': '<html><head><link rel="preload" href="/pagefind/pagefind.pf_meta" data-pagefind-preload="meta"></head><body><main><h1>Search</h1></main></body></html>',
			'pagefind/ignored.html': findingPage,
		})) {
			mkdirSync(join(site, path, '..'), { recursive: true });
			writeFileSync(join(site, path), html);
		}
		calls.createIndex.mockResolvedValue({ index: { addHTMLFile: calls.addHTMLFile, writeFiles: calls.writeFiles }, errors: [] });
		calls.addHTMLFile.mockResolvedValue({ errors: [] });
		calls.writeFiles.mockImplementation(async ({ outputPath }: { outputPath: string }) => {
			mkdirSync(outputPath, { recursive: true });
			writeFileSync(join(outputPath, 'pagefind-entry.json'), JSON.stringify({ languages: { 'en-gb': { hash: 'en-gb_abc', wasm: 'en-gb' } } }));
			return { errors: [], outputPath };
		});
		calls.close.mockResolvedValue(undefined);
	});
	afterEach(() => rmSync(site, { recursive: true, force: true }));

	async function runHook() {
		const info = vi.fn();
		const hook = pagefind().hooks['astro:build:done'] as (options: unknown) => Promise<void>;
		await hook({ dir: pathToFileURL(`${site}/`), logger: { info } });
		return info;
	}

	test('indexes each marked page after the policy, each question as its own record, and writes the bundle into the site', async () => {
		const info = await runHook();
		expect(calls.createIndex).toHaveBeenCalledWith({ excludeSelectors: INDEX_EXCLUDE_SELECTORS });
		// Small index chunks, so a search fetches only the words it needs.
		expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBe(String(INDEX_CHUNK_SIZE));
		const added = calls.addHTMLFile.mock.calls.map((call) => call[0] as { url: string; content: string });
		expect(added.map((f) => f.url).sort()).toEqual(['/', '/questions/#does-more-funding', '/questions/#has-funding-fallen', '/reports/survey-findings/']);
		expect(added.find((f) => f.url === '/reports/survey-findings/')!.content).toContain('>Survey findings</h1>');
		expect(calls.writeFiles).toHaveBeenCalledWith({ outputPath: join(site, 'pagefind') });
		expect(info).toHaveBeenCalledWith('Indexed 2 pages and 2 common questions');
		expect(readFileSync(join(site, 'search/index.html'), 'utf8')).toContain('/pagefind/pagefind.en-gb_abc.pf_meta');
		expect(calls.close).toHaveBeenCalledOnce();
	});

	test.each([
		['Pagefind cannot start', () => calls.createIndex.mockResolvedValue({ index: undefined, errors: ['no binary'] }), /could not start: no binary/],
		['indexing reports errors', () => calls.addHTMLFile.mockResolvedValue({ errors: ['bad html'] }), /indexing failed .*bad html/],
		['writing fails', () => calls.writeFiles.mockResolvedValue({ errors: ['disk full'] }), /could not write its index: disk full/],
	])('fails the build when %s, and still stops Pagefind', async (_, arrange, message) => {
		arrange();
		await expect(runHook()).rejects.toThrow(message);
		expect(calls.close).toHaveBeenCalledOnce();
	});

	test('fails the build when no page has data-pagefind-body', async () => {
		for (const path of ['index.html', 'reports/survey-findings/index.html']) writeFileSync(join(site, path), '<html><body><main>x</main></body></html>');
		await expect(runHook()).rejects.toThrow(/no pages with data-pagefind-body/);
		expect(calls.close).toHaveBeenCalledOnce();
	});
});
