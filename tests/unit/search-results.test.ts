import { describe, expect, test } from 'vitest';
import { type PagefindFragment, type PagefindSubResult, pickSections, resultKind, resultTitle, safeExcerpt, shapeResult, statusMessage } from '../../src/lib/search-results.ts';

function sub(id: string | undefined, score: number, excerpt = `about ${id}`): PagefindSubResult {
	return {
		title: id ?? 'Page title',
		url: id ? `/page/#${id}` : '/page/',
		excerpt,
		locations: score ? [1] : [],
		weighted_locations: score ? [{ balanced_score: score }] : [],
		anchor: id ? { id, element: 'h2' } : undefined,
	};
}

function fragment(overrides: Partial<PagefindFragment> = {}): PagefindFragment {
	return {
		url: '/findings/6-a-bridge-between-sectors/',
		excerpt: 'page <mark>commissioning</mark> excerpt',
		meta: { type: 'finding', number: '6', strength: 'moderate', title: 'Finding 6: A bridge between the voluntary sector and public bodies' },
		filters: { type: ['finding'] },
		sub_results: [],
		...overrides,
	};
}

describe('resultKind says what a result is', () => {
	test.each([
		[{ type: 'finding', number: '6', strength: 'moderate' }, {}, 'Finding 6 · Moderate evidence'],
		[{ type: 'finding', number: '2' }, {}, 'Finding 2'],
		[{ type: 'finding' }, {}, 'List of findings'],
		[{ type: 'report', report: 'Survey findings' }, {}, 'Report summary'],
		[{ type: 'report' }, {}, 'List of reports'],
		[{ type: 'function' }, { function: ['Convening'] }, 'Function'],
		[{ type: 'function' }, {}, 'List of functions'],
		[{ type: 'definition' }, {}, 'Definition'],
		[{ type: 'pathway' }, {}, 'Pathways'],
		[{ type: 'page' }, {}, 'Page'],
		[{}, {}, 'Page'],
	])('%o %o → %s', (meta, filters, expected) => {
		expect(resultKind({ meta, filters })).toBe(expected);
	});
});

test('resultTitle drops "Finding N: " (the kind line says it) and leaves other titles alone', () => {
	expect(resultTitle(fragment())).toBe('A bridge between the voluntary sector and public bodies');
	expect(resultTitle({ meta: { type: 'report', title: 'Finding 6: not a finding' } })).toBe('Finding 6: not a finding');
	expect(resultTitle({ meta: {} })).toBe('');
});

describe('safeExcerpt', () => {
	test('escapes page text but keeps Pagefind’s marks', () => {
		expect(safeExcerpt('R&D <b>x</b> <mark>cold</mark> "spot"')).toBe('R&amp;D &lt;b&gt;x&lt;/b&gt; <mark>cold</mark> &quot;spot&quot;');
	});

	test('closes the gap a dropped source citation leaves before punctuation', () => {
		expect(safeExcerpt('for <mark>funding</mark> . The next , one')).toBe('for <mark>funding</mark>. The next, one');
	});
});

describe('pickSections', () => {
	test('keeps up to three sections with a heading id, best match first, page order breaking ties', () => {
		const picked = pickSections([sub(undefined, 900), sub('a', 10), sub('b', 500), sub('c', 0), sub('d', 10), sub('e', 20)]);
		expect(picked.map((s) => s.anchor?.id)).toEqual(['b', 'e', 'a']);
	});

	test('falls back to the number of matches when Pagefind gives no weights', () => {
		const few = { ...sub('few', 1), weighted_locations: undefined, locations: [1] };
		const many = { ...sub('many', 1), weighted_locations: undefined, locations: [1, 2, 3] };
		expect(pickSections([few, many]).map((s) => s.anchor?.id)).toEqual(['many', 'few']);
	});
});

describe('shapeResult', () => {
	test('links the page and its sections with the searched words, and says what it is', () => {
		const shaped = shapeResult(fragment({ sub_results: [sub(undefined, 0), sub('what-the-research-found', 5, 'open <mark>commissioning</mark> & funding')] }), ' commissioning ');
		expect(shaped).toEqual({
			kind: 'Finding 6 · Moderate evidence',
			title: 'A bridge between the voluntary sector and public bodies',
			url: '/findings/6-a-bridge-between-sectors/?highlight=commissioning',
			excerpt: '',
			sections: [{ title: 'what-the-research-found', url: '/page/?highlight=commissioning#what-the-research-found', excerpt: 'open <mark>commissioning</mark> &amp; funding' }],
		});
	});

	test('shows the top-of-page excerpt when the words match above the first heading', () => {
		const shaped = shapeResult(fragment({ sub_results: [sub(undefined, 9, 'the <mark>statement</mark>'), sub('a', 5)] }), 'statement');
		expect(shaped.excerpt).toBe('the <mark>statement</mark>');
		expect(shaped.sections).toHaveLength(1);
	});

	test('uses the page excerpt when the page has no sections to link', () => {
		expect(shapeResult(fragment(), 'commissioning').excerpt).toBe('page <mark>commissioning</mark> excerpt');
	});

	test('browsing by filter alone shows no excerpt, sections or highlight', () => {
		const shaped = shapeResult(fragment({ sub_results: [sub('a', 5)] }), '');
		expect(shaped).toMatchObject({ url: '/findings/6-a-bridge-between-sectors/', excerpt: '', sections: [] });
	});
});

describe('statusMessage', () => {
	test.each([
		[0, { query: 'zzz', filters: {} }, 'No results for “zzz”.'],
		[1, { query: ' 530 ', filters: {} }, '1 result for “530”.'],
		[3, { query: 'cold spot', filters: { type: 'finding', function: 'Convening' } }, '3 results for “cold spot” (type: Findings; function: Convening).'],
		[7, { query: '', filters: { type: 'report' } }, '7 pages match the filters (type: Report summaries).'],
		[1, { query: '', filters: { report: 'Evidence review' } }, '1 page matches the filters (report: Evidence review).'],
		[0, { query: '', filters: { pathway: 'X' } }, 'No pages match the filters (pathway: X).'],
	])('%i, %o → %s', (count, state, expected) => {
		expect(statusMessage(count, state)).toBe(expected);
	});
});
