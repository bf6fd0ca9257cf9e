/**
 * How a page's requests add up against the budget: the search index is kept apart, inline
 * script counts as JavaScript, and every other request counts in the total.
 */
import { expect, test } from 'vitest';
import { BUDGET, kb, summarise } from '../../scripts/lib/page-weight.ts';

test('requests are grouped by kind and the search index is kept apart', () => {
	const w = summarise(
		[
			{ url: 'http://localhost:1/lcsi/findings/5/', type: 'document', bytes: 7000 },
			{ url: 'http://localhost:1/lcsi/_astro/a.css', type: 'stylesheet', bytes: 3000 },
			{ url: 'http://localhost:1/lcsi/_astro/a.js', type: 'script', bytes: 2000 },
			{ url: 'http://localhost:1/lcsi/favicon.svg', type: 'other', bytes: 500 },
			{ url: 'http://localhost:1/lcsi/pagefind/pagefind.js', type: 'script', bytes: 30000 },
			{ url: 'http://localhost:1/lcsi/pagefind/index/en_1.pf_index', type: 'fetch', bytes: 40000 },
		],
		300,
	);
	expect(w).toEqual({ total: 12500, html: 7000, css: 3000, js: 2300, other: 500, requests: 4, searchIndex: 70000 });
});

test('sizes are shown in thousands of bytes, as the budget is written', () => {
	expect(kb(61_440)).toBe('61.4');
	expect(kb(BUDGET.total)).toBe('60.0');
});
