/**
 * The small Pagefind files every first search reads (its entry file, its metadata and the
 * kind-of-page filter), carried in the search page itself. Over HTTP/1.1 a browser opens six
 * connections to a host and each request holds one for a round trip: fetched, these three took
 * connections the index files for the typed words then waited for, a second round trip (562 ms
 * on Lighthouse's mobile network) before the first result (BENCHMARKS.md). Written in after
 * indexing by src/integrations/pagefind.ts; src/scripts/search-pagefind.ts answers Pagefind's
 * requests for them from the page.
 */
import { fillJsonPlaceholder } from './json-placeholder.ts';

/** Where the search page carries the files: replaced after indexing. */
export const PAGEFIND_FILES_PLACEHOLDER = '<script type="application/json" data-pagefind-files>{}</script>';

/** File address relative to the Pagefind folder (as Pagefind requests it, query included) → its bytes in base64. */
export type PageFiles = Record<string, string>;

export function fillPagefindFiles(html: string, files: PageFiles): string {
	return fillJsonPlaceholder(html, PAGEFIND_FILES_PLACEHOLDER, files);
}

const requestUrl = (input: RequestInfo | URL): string => (input instanceof Request ? input.url : String(input));

/**
 * A fetch that answers a request for one of the carried files from the page, and sends every
 * other request on to `networkFetch`. `pagefindFolder` is the Pagefind folder's absolute URL.
 */
export function fetchWithPageFiles(files: PageFiles, pagefindFolder: string, networkFetch: typeof fetch): typeof fetch {
	const carried = new Map(Object.entries(files).map(([path, base64]) => [new URL(path, pagefindFolder).href, base64]));
	return (input, init) => {
		const base64 = carried.get(new URL(requestUrl(input), pagefindFolder).href);
		if (base64 === undefined) return networkFetch(input, init);
		return Promise.resolve(new Response(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
	};
}
