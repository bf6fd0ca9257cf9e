/**
 * Loading Pagefind, once per page. It runs on the main thread (`noWorker`): searching a site of
 * this size takes a few milliseconds, and without the worker the search page's preloads
 * (src/pages/search.astro) are the very requests Pagefind makes, and there is one script fewer
 * to fetch before the first result. The small files its first search reads come from the page
 * itself (src/lib/pagefind-page-files.ts).
 */
import type { SearchHit, SearchResponse } from '../lib/search-run.ts';
import type { PagefindFragment } from '../lib/search-results.ts';
import { fetchWithPageFiles, type PageFiles } from '../lib/pagefind-page-files.ts';
import { withBase } from '../lib/urls.ts';

export interface PagefindResult extends SearchHit {
	data(): Promise<PagefindFragment>;
}

/** The parts of Pagefind's browser API used here. */
export interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	preload(term: string, options?: { filters?: Record<string, unknown> }): Promise<void>;
	search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<SearchResponse<PagefindResult>>;
}

/**
 * Ranking (https://pagefind.app/docs/ranking/). Page kinds are weighted in the index itself
 * (src/lib/search-index.ts). `termFrequency: 0` ranks on the weighted count of matches rather
 * than their share of the page: Pagefind's default favours short pages, which put the glossary
 * and list pages above the finding that answers; on the benchmark's queries it moved four whole
 * questions into the top three and lost no keyword query. Titles count five times body text
 * (Pagefind's default; a common question's title is the question), a question's keywords
 * twice, and the meta fields that hold links, labels and kinds not at all.
 */
export const RANKING = {
	termFrequency: 0,
	metaWeights: { title: 5, keywords: 2, read: 0, readLabel: 0, kind: 0, type: 0, strength: 0, number: 0, report: 0 },
};

let loading: Promise<Pagefind> | undefined;

/**
 * Pagefind splits every query with an `Intl.Segmenter`, and a page's first one costs some 40 ms
 * of main thread (the browser loads its text segmentation data). Making one while Pagefind's
 * files are still on their way takes that out of the first search.
 */
function warmSegmenter(): void {
	try {
		new Intl.Segmenter('en', { granularity: 'grapheme' });
	} catch {
		// No Intl.Segmenter: Pagefind does without it too.
	}
}

/**
 * Pagefind fetches with the page's `fetch`: from now on, its requests for the files the page
 * carries are answered from the page, and every other request goes to the network as before.
 */
let answering = false;
function answerFromPage(pagefindFolder: string): void {
	if (answering) return;
	answering = true;
	const carried = document.querySelector('script[data-pagefind-files]')?.textContent;
	const files: PageFiles = carried ? JSON.parse(carried) : {};
	if (Object.keys(files).length > 0) window.fetch = fetchWithPageFiles(files, pagefindFolder, window.fetch.bind(window));
}

/** Pagefind's bundle sits beside the site (dist/pagefind/), under the base path when there is one. */
export function loadPagefind(): Promise<Pagefind> {
	answerFromPage(new URL(withBase('/pagefind/'), location.href).href);
	loading ??= import(/* @vite-ignore */ withBase('/pagefind/pagefind.js'))
		.then(async (module: Pagefind) => {
			// Result URLs are indexed from the site root; the base path makes them work under /lcsi/ too.
			// The build's tag makes the entry file's address the one the page carries (src/integrations/pagefind.ts).
			// (No comparison with the tag's placeholder here: this script is written into the search
			// page, where the build fills in every copy of the placeholder.)
			const tag = document.querySelector<HTMLElement>('[data-pagefind-tag]')?.dataset.pagefindTag;
			await module.options({ baseUrl: import.meta.env.BASE_URL, noWorker: true, ...(tag ? { metaCacheTag: tag } : {}) });
			const initialised = module.init();
			warmSegmenter();
			await initialised;
			await module.options({ ranking: RANKING });
			return module;
		})
		.catch((error: unknown) => {
			loading = undefined; // a later attempt may succeed (the connection came back)
			throw error;
		});
	return loading;
}
