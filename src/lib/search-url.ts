/**
 * Search state in the URL, so a search can be shared: `/search/?q=cold+spot&type=finding`.
 * Pure functions shared by the search page, the on-page highlighter, the benchmark and tests.
 * Filter values are the ones Pagefind indexed (SearchIndexMeta.astro): a content type id
 * (`finding`, `report`, ...) or a display name (`Convening`, `Survey findings`), which keeps
 * shared links readable.
 */

import { HIGHLIGHT_PARAM } from './search-param.ts';
import { isStopWord } from './search-query.ts';

/** The Pagefind filters the search page offers, in the order the controls appear. */
export const FILTER_NAMES = ['type', 'strength', 'function', 'pathway', 'report'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type SearchFilters = Partial<Record<FilterName, string>>;

export interface SearchState {
	/** The query as typed (not trimmed, so the input keeps the reader's spaces). */
	query: string;
	filters: SearchFilters;
}

/** Query parameter naming the searched words on a result page, read by src/scripts/search-highlight.ts. */
export { HIGHLIGHT_PARAM };

export function readSearchState(search: string | URLSearchParams): SearchState {
	const params = typeof search === 'string' ? new URLSearchParams(search) : search;
	const filters: SearchFilters = {};
	for (const name of FILTER_NAMES) {
		const value = params.get(name)?.trim();
		if (value) filters[name] = value;
	}
	return { query: params.get('q') ?? '', filters };
}

/** The query string for a state (without `?`), `q` first and filters in a fixed order; '' when empty. */
export function searchStateToQuery(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.query.trim()) params.set('q', state.query);
	for (const name of FILTER_NAMES) {
		const value = state.filters[name];
		if (value) params.set(name, value);
	}
	return params.toString();
}

/** True when there is something to search for: words or at least one filter. */
export function hasSearch(state: SearchState): boolean {
	return state.query.trim() !== '' || FILTER_NAMES.some((name) => Boolean(state.filters[name]));
}

/**
 * The words to mark on a result page: split on spaces, with quotes and punctuation around
 * each word removed (Pagefind ignores them when matching, and the highlighter would not), and
 * without question and grammar words ("what", "is", "to"), which are never marked.
 */
export function searchTerms(query: string): string[] {
	const seen = new Set<string>();
	return query
		.split(/\s+/)
		.map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
		.filter((word) => {
			if (!word || isStopWord(word) || seen.has(word.toLowerCase())) return false;
			seen.add(word.toLowerCase());
			return true;
		});
}

/**
 * Add the searched words to a result link, before any `#fragment`, so the result page can
 * mark them. Links with nothing to highlight are returned unchanged.
 */
export function withHighlight(url: string, query: string): string {
	const terms = searchTerms(query);
	if (terms.length === 0) return url;
	const hashAt = url.indexOf('#');
	const hash = hashAt === -1 ? '' : url.slice(hashAt);
	const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
	const queryAt = beforeHash.indexOf('?');
	const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
	const params = new URLSearchParams(queryAt === -1 ? '' : beforeHash.slice(queryAt + 1));
	params.delete(HIGHLIGHT_PARAM);
	for (const term of terms) params.append(HIGHLIGHT_PARAM, term);
	return `${path}?${params.toString()}${hash}`;
}
