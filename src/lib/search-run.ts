/**
 * One search, as the search page runs it on Pagefind: the content words first; when too little
 * matched every word, the same words with one left out at a time, appended after the full
 * matches; and when that still finds nothing, the words as typed (a quoted phrase, say). Works on any object with Pagefind's
 * `search()`, so it is unit-tested with a fake index.
 */
import { contentTerms, relaxedQueries } from './search-query.ts';

export interface SearchHit {
	id: string;
	score: number;
	data(): Promise<unknown>;
}
export interface SearchResponse<R extends SearchHit = SearchHit> {
	results: R[];
	filters: Record<string, Record<string, number>>;
	totalFilters?: Record<string, Record<string, number>>;
}
export interface Searchable<R extends SearchHit = SearchHit> {
	search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<SearchResponse<R>>;
}

/** Below this many results for every word, the relaxed queries run too. */
export const RELAX_BELOW = 5;

export interface RunResult<R extends SearchHit> {
	/** In order: pages matching every word, then pages matching all but one. */
	results: R[];
	/** The words sent to Pagefind (empty when browsing by filters alone). */
	terms: string[];
	/** Filter counts for the search as typed (every word), for the filter options. */
	filters: SearchResponse['filters'];
	totalFilters?: SearchResponse['totalFilters'];
	/** How many results matched every word; the rest matched all but one. */
	exact: number;
}

export async function runQuery<R extends SearchHit>(api: Searchable<R>, query: string, filters: Record<string, unknown> = {}): Promise<RunResult<R>> {
	const typed = query.trim();
	if (!typed) {
		const all = await api.search(null, { filters });
		return { results: all.results, terms: [], filters: all.filters, totalFilters: all.totalFilters, exact: all.results.length };
	}
	const terms = contentTerms(typed);
	const first = await api.search(terms.join(' '), { filters });
	const results = [...first.results];
	const exact = results.length;
	let counts = first.filters;
	if (exact < RELAX_BELOW && terms.length >= 2) {
		const seen = new Set(results.map((r) => r.id));
		const relaxed = await Promise.all(relaxedQueries(terms).map((t) => api.search(t.join(' '), { filters })));
		const extra = relaxed
			.flatMap((r) => r.results)
			.sort((a, b) => b.score - a.score)
			.filter((r) => {
				if (seen.has(r.id)) return false;
				seen.add(r.id);
				return true;
			});
		results.push(...extra);
		// Counts for the filters: what the relaxed searches found counts too.
		counts = structuredClone(first.filters ?? {});
		for (const r of relaxed)
			for (const [name, values] of Object.entries(r.filters ?? {}))
				for (const [value, n] of Object.entries(values)) {
					counts[name] ??= {};
					counts[name][value] = Math.max(counts[name][value] ?? 0, n);
				}
	}
	// Still nothing: the words as typed (a phrase in quotes is an exact search in Pagefind).
	if (results.length === 0 && terms.join(' ') !== typed) {
		const asTyped = await api.search(typed, { filters });
		return { results: asTyped.results, terms, filters: asTyped.filters, totalFilters: asTyped.totalFilters ?? first.totalFilters, exact: asTyped.results.length };
	}
	return { results, terms, filters: counts, totalFilters: first.totalFilters, exact };
}
