/**
 * What the search page needs to show a result before its text arrives: each Pagefind record's
 * address, meta and filters, keyed by the id Pagefind's results carry (its fragment's name),
 * and for a common question its answer (a question record's only text, which the answer box
 * shows). Built from the index's fragments once they are written (src/integrations/pagefind.ts)
 * and carried in the search page itself, so a result's title and link show as soon as the
 * search has run, and the answer box needs no request of its own; the excerpts and matching
 * sections follow as each result's fragment arrives.
 */
import { fillJsonPlaceholder } from './json-placeholder.ts';
import type { PagefindFragment } from './search-results.ts';

/** A fragment without the page's text: enough to list a result (src/lib/search-results.ts shapeResult). */
export type SearchRecord = Pick<PagefindFragment, 'url' | 'meta' | 'filters'> & { raw_content?: string };

export type SearchRecords = Record<string, SearchRecord>;

/** Where the search page keeps them: `<script type="application/json" data-search-records>`. */
export const SEARCH_RECORDS_PLACEHOLDER = '<script type="application/json" data-search-records>{}</script>';

/**
 * Records from fragments (id → fragment as Pagefind wrote it), with only what the page reads:
 * the meta, the `function` filter (which tells a function from the list of them), and for a
 * question its keywords and text, which choose and fill the answer box.
 */
export function searchRecords(fragments: Iterable<[string, PagefindFragment]>): SearchRecords {
	const records: SearchRecords = {};
	for (const [id, f] of [...fragments].sort(([a], [b]) => a.localeCompare(b))) {
		const question = f.meta.type === 'question';
		const { keywords, ...meta } = f.meta;
		records[id] = {
			url: f.url,
			meta: question && keywords ? { ...meta, keywords } : meta,
			filters: f.filters.function ? { function: f.filters.function } : {},
			...(question && f.raw_content ? { raw_content: f.raw_content } : {}),
		};
	}
	return records;
}

/** The records as the placeholder's content, safe inside a script element. */
export function fillSearchRecords(html: string, records: SearchRecords): string {
	return fillJsonPlaceholder(html, SEARCH_RECORDS_PLACEHOLDER, records);
}

/** A record as a fragment with no text yet: shapeResult gives its kind, title and link, without excerpts. */
export function recordAsFragment(record: SearchRecord): PagefindFragment {
	return { url: record.url, meta: record.meta, filters: record.filters, excerpt: '', sub_results: [], ...(record.raw_content ? { raw_content: record.raw_content } : {}) };
}
