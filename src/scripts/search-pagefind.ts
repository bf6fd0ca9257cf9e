/**
 * Loading Pagefind, once per page. It runs on the main thread (`noWorker`): searching a site of
 * this size takes a few milliseconds, and without the worker the search page's preloads
 * (src/pages/search.astro) are the very requests Pagefind makes, and there is one script fewer
 * to fetch before the first result.
 */
import type { SearchHit, SearchResponse } from '../lib/search-run.ts';
import type { PagefindFragment } from '../lib/search-results.ts';
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
 * (src/lib/search-index.ts); here only the title boost is set, and the meta fields that hold
 * links and labels for the answer box do not count towards ranking.
 */
export const RANKING = {
	metaWeights: { title: 5, answer: 0, read: 0, readLabel: 0, kind: 0, type: 0, strength: 0 },
};

let loading: Promise<Pagefind> | undefined;

/** Pagefind's bundle sits beside the site (dist/pagefind/), under the base path when there is one. */
export function loadPagefind(): Promise<Pagefind> {
	loading ??= import(/* @vite-ignore */ withBase('/pagefind/pagefind.js'))
		.then(async (module: Pagefind) => {
			// Result URLs are indexed from the site root; the base path makes them work under /lcsi/ too.
			await module.options({ baseUrl: import.meta.env.BASE_URL, noWorker: true });
			await module.init();
			await module.options({ ranking: RANKING });
			return module;
		})
		.catch((error: unknown) => {
			loading = undefined; // a later attempt may succeed (the connection came back)
			throw error;
		});
	return loading;
}
