/**
 * On a page opened from a search result (`?highlight=cold&highlight=spot`), mark the searched
 * words. Whole words only, and never question or grammar words: "is" is not marked inside
 * "organisations", and "to" not at all (the rules are in src/lib/search-query.ts). The marking
 * code loads only when the parameter is there, so ordinary reading pages pay nothing but this check.
 */
import { HIGHLIGHT_PARAM } from '../lib/search-param.ts';

const terms = new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM);
if (terms.length > 0) {
	import('./search-marks.ts')
		.then(({ markTerms }) => {
			const main = document.querySelector<HTMLElement>('main');
			if (!main) return;
			const first = markTerms(main, terms);
			// A section link scrolls to its heading; a page link shows the first match.
			if (!location.hash) first?.scrollIntoView({ block: 'center' });
		})
		.catch(() => {
			// Highlighting is a nicety: the page is already readable without it.
		});
}
