/**
 * On a page opened from a search result (`?highlight=cold&highlight=spot`), mark the searched
 * words with Pagefind's own highlighter. Its 44 KB (10 KB gzipped) bundle is fetched only when
 * the parameter is there, so ordinary reading pages pay nothing but this check.
 * @see https://pagefind.app/docs/highlighting/
 */
import { HIGHLIGHT_PARAM } from '../lib/search-url.ts';
import { withBase } from '../lib/urls.ts';

interface HighlightModule {
	default: new (options: { highlightParam: string; addStyles: boolean }) => unknown;
}

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
	import(/* @vite-ignore */ withBase('/pagefind/pagefind-highlight.js'))
		.then(({ default: PagefindHighlight }: HighlightModule) => {
			// The site's own <mark> colours (global.css) meet contrast in both schemes;
			// Pagefind's inline yellow would not follow the dark scheme.
			new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
			// A section link scrolls to its heading; a page link shows the first match.
			if (!location.hash) document.querySelector('main mark')?.scrollIntoView({ block: 'center' });
		})
		.catch(() => {
			// Highlighting is a nicety: the page is already readable without it.
		});
}
