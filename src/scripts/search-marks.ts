/**
 * Wrap the searched words of a page in <mark class="pagefind-highlight">, whole words only.
 * Skips what search does not index (data-pagefind-ignore: Cite this, source notes, link
 * labels), form controls and drawings. Returns the first mark, for scrolling to it.
 */
import { highlightRanges } from '../lib/search-query.ts';

const SKIP = 'script, style, svg, textarea, input, select, button, mark, [data-pagefind-ignore], .anchor-link, [hidden]';

export function markTerms(root: HTMLElement, terms: string[]): HTMLElement | null {
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
		acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
	});
	const found: [Text, [number, number][]][] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node as Text;
		const ranges = highlightRanges(text.data, terms);
		if (ranges.length > 0) found.push([text, ranges]);
	}
	let first: HTMLElement | null = null;
	for (const [text, ranges] of found) {
		const parts = document.createDocumentFragment();
		let at = 0;
		for (const [start, end] of ranges) {
			if (start > at) parts.append(text.data.slice(at, start));
			const mark = document.createElement('mark');
			mark.className = 'pagefind-highlight';
			mark.textContent = text.data.slice(start, end);
			parts.append(mark);
			first ??= mark;
			at = end;
		}
		if (at < text.data.length) parts.append(text.data.slice(at));
		text.replaceWith(parts);
	}
	return first;
}
