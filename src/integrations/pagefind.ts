/**
 * Builds the Pagefind index over the finished site, in Astro's `astro:build:done` hook,
 * with Pagefind's Node API (the approach Starlight and astro-pagefind take).
 *
 * Each built page is read and handed to Pagefind as it would be indexed from disk, after the
 * index policy of src/lib/search-index.ts: only elements marked `data-pagefind-body` (each
 * page's main content, see BaseLayout) count, furniture stays out (`excludeSelectors`), each
 * kind of page is weighted, and report summaries go under their short titles. Every common
 * question from /questions/ is added as a record of its own at `/questions/#<id>`. The search
 * page and the 404 page have no `data-pagefind-body`, so they stay out of the index.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
// Imported up front: the config's module runner is closed by the time build:done runs.
import { close, createIndex } from 'pagefind';
import { SEARCH_INDEX_PLACEHOLDER, decodePagefindMeta, fillSearchIndexPlan, type SearchIndexPlan } from '../lib/index-chunks.ts';
import { PAGEFIND_BUILD_TAG } from '../lib/pagefind-build.ts';
import { PAGEFIND_FILES_PLACEHOLDER, fillPagefindFiles, type PageFiles } from '../lib/pagefind-page-files.ts';
import { QUESTION_WORDS, STOP_WORDS } from '../lib/search-query.ts';
import { SEARCH_RECORDS_PLACEHOLDER, fillSearchRecords, searchRecords, type SearchRecords } from '../lib/search-records.ts';
import type { PagefindFragment } from '../lib/search-results.ts';
import { INDEX_CHUNK_SIZE, INDEX_EXCLUDE_SELECTORS, extractQuestions, prepareForIndex, questionRecordHtml } from '../lib/search-index.ts';

/** Where the common questions page is built, relative to the output folder. */
export const QUESTIONS_PAGE = 'questions/index.html';

/** Every .html file under `dir`, relative to it, leaving out Pagefind's own bundle. */
async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
		.filter((path) => !path.startsWith('pagefind/'))
		.sort();
}

/** The URL Pagefind gives a page built at `path` (directory-style URLs, as the site uses). */
export function urlForFile(path: string): string {
	return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Pagefind's metadata and WebAssembly are named per build and language (`pagefind.en-gb_<hash>.pf_meta`,
 * `wasm.en-gb.pagefind`), known only once the index is written. Pages that preload or prefetch
 * them (the search page, the header's search box) carry placeholders, `pagefind/pagefind.pf_meta`
 * and `pagefind/wasm.pagefind`, and a `data-pagefind-preload` attribute: fill the real names in.
 *
 * Also PAGEFIND_BUILD_TAG: Pagefind fetches its entry file as `pagefind-entry.json?ts=<tag>`,
 * with the time as the tag unless it is given one (its `metaCacheTag` option), and that request
 * comes before any other it makes. Given the metadata's hash, which changes whenever the index
 * does, the address is known at build time, so the search page can carry the file (readPageFiles).
 */
export function fillPagefindNames(html: string, language: { hash: string; wasm?: string | undefined }): string {
	return html
		.replaceAll('pagefind/pagefind.pf_meta', `pagefind/pagefind.${language.hash}.pf_meta`)
		.replaceAll('pagefind/wasm.pagefind', `pagefind/wasm.${language.wasm ?? 'unknown'}.pagefind`)
		.replaceAll(PAGEFIND_BUILD_TAG, language.hash);
}

export type Language = { hash: string; wasm?: string };

/** The index's language (the site has one) as Pagefind's entry file names it. */
async function indexLanguage(outDir: string): Promise<Language | undefined> {
	const entry = JSON.parse(await readFile(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, Language> };
	return Object.values(entry.languages)[0];
}

/** Pagefind's metadata file for the index's language, and what it holds. */
const metaFile = (language: Language) => `pagefind.${language.hash}.pf_meta`;
async function readMeta(outDir: string, language: Language): Promise<ReturnType<typeof decodePagefindMeta>> {
	return decodePagefindMeta(gunzipSync(await readFile(join(outDir, 'pagefind', metaFile(language)))));
}

/** What the search page's early script needs to preload the index files for the words being typed (src/lib/index-chunks.ts). */
async function readIndexPlan(outDir: string, language: Language): Promise<SearchIndexPlan> {
	return { chunks: (await readMeta(outDir, language)).chunks, stop: [...QUESTION_WORDS, ...STOP_WORDS] };
}

/**
 * The files every first search reads, carried in the search page (src/lib/pagefind-page-files.ts):
 * the entry file at the address Pagefind asks for it (PAGEFIND_BUILD_TAG), the metadata, and the
 * kind-of-page filter (questions are kept out of the list, src/scripts/search-ui.ts).
 */
export async function readPageFiles(outDir: string, language: Language): Promise<PageFiles> {
	const folder = join(outDir, 'pagefind');
	const meta = await readMeta(outDir, language);
	if (!meta.filters.type) throw new Error('Pagefind metadata has no "type" filter, which every search reads');
	const filterFile = `filter/${meta.filters.type}.pf_filter`;
	const base64 = async (file: string) => (await readFile(join(folder, file))).toString('base64');
	return {
		[`pagefind-entry.json?ts=${language.hash}`]: await base64('pagefind-entry.json'),
		[metaFile(language)]: await base64(metaFile(language)),
		[filterFile]: await base64(filterFile),
	};
}

/** Pagefind's fragment files as it wrote them: gzip, a signature, then the JSON (its `content` is the page's text). */
async function readFragments(outDir: string): Promise<[string, PagefindFragment][]> {
	const dir = join(outDir, 'pagefind', 'fragment');
	const names = (await readdir(dir)).filter((name) => name.endsWith('.pf_fragment'));
	return Promise.all(
		names.map(async (name): Promise<[string, PagefindFragment]> => {
			const text = gunzipSync(await readFile(join(dir, name))).toString('utf8');
			const { content, ...rest } = JSON.parse(text.slice(text.indexOf('{'))) as PagefindFragment & { content: string };
			return [name.replace(/\.pf_fragment$/, ''), { ...rest, excerpt: '', sub_results: [], raw_content: content }];
		}),
	);
}

/**
 * Fill in, in one pass over the pages, what is known only once the index is written: Pagefind's
 * file names where pages preload or prefetch them, and on the search page its index plan, the
 * files it carries and its records (src/lib/search-records.ts). Each is read only if a page needs it.
 */
async function fillPages(outDir: string, files: string[], language: Language): Promise<void> {
	let plan: SearchIndexPlan | undefined;
	let records: SearchRecords | undefined;
	let pageFiles: PageFiles | undefined;
	for (const file of files) {
		const path = join(outDir, file);
		const original = await readFile(path, 'utf8');
		let html = original;
		if (html.includes('data-pagefind-preload')) html = fillPagefindNames(html, language);
		if (html.includes(SEARCH_INDEX_PLACEHOLDER)) html = fillSearchIndexPlan(html, (plan ??= await readIndexPlan(outDir, language)));
		if (html.includes(PAGEFIND_FILES_PLACEHOLDER)) html = fillPagefindFiles(html, (pageFiles ??= await readPageFiles(outDir, language)));
		if (html.includes(SEARCH_RECORDS_PLACEHOLDER)) html = fillSearchRecords(html, (records ??= searchRecords(await readFragments(outDir))));
		if (html !== original) await writeFile(path, html);
	}
}

export default function pagefind(): AstroIntegration {
	return {
		name: 'lcsi-pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				// Read by Pagefind's service when it starts (see INDEX_CHUNK_SIZE); a value set outside wins.
				process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
				try {
					const { index, errors } = await createIndex({ excludeSelectors: INDEX_EXCLUDE_SELECTORS });
					if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
					const files = await htmlFiles(outDir);
					let pages = 0;
					let questions = 0;
					for (const file of files) {
						const html = await readFile(join(outDir, file), 'utf8');
						if (file === QUESTIONS_PAGE) {
							for (const q of extractQuestions(html)) {
								const added = await index.addHTMLFile({ url: `/questions/#${q.id}`, content: questionRecordHtml(q) });
								if (added.errors.length) throw new Error(`Pagefind indexing failed for question "${q.id}": ${added.errors.join('; ')}`);
								questions++;
							}
						}
						if (!html.includes('data-pagefind-body')) continue;
						const added = await index.addHTMLFile({ url: urlForFile(file), content: prepareForIndex(html) });
						if (added.errors.length) throw new Error(`Pagefind indexing failed for ${file}: ${added.errors.join('; ')}`);
						pages++;
					}
					if (pages === 0) throw new Error(`Pagefind found no pages with data-pagefind-body in ${outDir}`);
					const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
					if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
					const language = await indexLanguage(outDir);
					if (!language) throw new Error('Pagefind wrote no language to pagefind-entry.json');
					await fillPages(outDir, files, language);
					logger.info(`Indexed ${pages} pages and ${questions} common questions`);
				} finally {
					// Stop Pagefind's background service even when indexing failed, so the build exits.
					await close();
				}
			},
		},
	};
}
