import { describe, expect, test } from 'vitest';
import { HIGHLIGHT_PARAM, hasSearch, readSearchState, searchStateToQuery, searchTerms, withHighlight } from '../../src/lib/search-url.ts';

describe('readSearchState', () => {
	test('reads the words and the four filters', () => {
		expect(readSearchState('?q=cold+spot&type=finding&function=Convening&pathway=Improved+policy+making&report=Survey+findings')).toEqual({
			query: 'cold spot',
			filters: { type: 'finding', function: 'Convening', pathway: 'Improved policy making', report: 'Survey findings' },
		});
	});

	test('ignores empty filters and parameters it does not know', () => {
		expect(readSearchState('?q=530&type=&utm_source=letter&function=%20')).toEqual({ query: '530', filters: {} });
	});

	test('keeps the words as typed, spaces included, so the box shows what the reader typed', () => {
		expect(readSearchState(new URLSearchParams({ q: 'cold ' })).query).toBe('cold ');
	});

	test('an empty URL is an empty search', () => {
		expect(readSearchState('')).toEqual({ query: '', filters: {} });
	});
});

describe('searchStateToQuery', () => {
	test('writes q first and the filters in a fixed order, spaces as +', () => {
		expect(searchStateToQuery({ query: 'cold spot', filters: { report: 'Survey findings', type: 'finding' } })).toBe('q=cold+spot&type=finding&report=Survey+findings');
	});

	test('drops blank words and empty filters', () => {
		expect(searchStateToQuery({ query: '  ', filters: { type: '' } })).toBe('');
	});

	test('round-trips through readSearchState', () => {
		const state = { query: 'R&D "cold spot"', filters: { pathway: 'Community trust, empowerment and belonging' } };
		expect(readSearchState(searchStateToQuery(state))).toEqual(state);
	});
});

test('hasSearch: words or a filter', () => {
	expect(hasSearch({ query: ' ', filters: {} })).toBe(false);
	expect(hasSearch({ query: 'x', filters: {} })).toBe(true);
	expect(hasSearch({ query: '', filters: { type: 'report' } })).toBe(true);
});

test('searchTerms splits on spaces and strips quotes and punctuation around words', () => {
	expect(searchTerms('  "cold spot", 530?  R&D ')).toEqual(['cold', 'spot', '530', 'R&D']);
	expect(searchTerms('" ?')).toEqual([]);
});

test('searchTerms leaves out question and grammar words, and repeats: they are never highlighted', () => {
	expect(searchTerms('Is there evidence that more funding leads to more charities?')).toEqual(['evidence', 'funding', 'leads', 'charities']);
	expect(searchTerms('what is it')).toEqual([]);
});

test('the evidence strength filter is read from and written to the URL', () => {
	expect(readSearchState('?q=funding&strength=moderate').filters).toEqual({ strength: 'moderate' });
	expect(searchStateToQuery({ query: 'funding', filters: { strength: 'moderate', type: 'finding' } })).toBe('q=funding&type=finding&strength=moderate');
});

describe('withHighlight', () => {
	test('a whole question highlights its content words only', () => {
		expect(withHighlight('/findings/4-x/', 'what is LCSI')).toBe('/findings/4-x/?highlight=LCSI');
	});

	test('puts each searched word in the query string, before the section fragment', () => {
		expect(withHighlight('/findings/3-who-benefits/#what-the-research-found', 'cold spot')).toBe(
			`/findings/3-who-benefits/?${HIGHLIGHT_PARAM}=cold&${HIGHLIGHT_PARAM}=spot#what-the-research-found`,
		);
	});

	test('keeps the base path and any other parameters, and replaces an earlier highlight', () => {
		expect(withHighlight('/lcsi/reports/?a=1&highlight=old', 'new')).toBe('/lcsi/reports/?a=1&highlight=new');
	});

	test('leaves the link alone when there is nothing to highlight', () => {
		expect(withHighlight('/definitions/#scale', '  ')).toBe('/definitions/#scale');
	});
});
