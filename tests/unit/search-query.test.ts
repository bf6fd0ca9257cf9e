import { describe, expect, test } from 'vitest';
import { contentTerms, distinctiveTerms, highlightRanges, isStopWord, looksLikeQuestion, relaxedQueries, termsCovered, wordMatches, wordOverlap, wordRoot } from '../../src/lib/search-query.ts';

const marked = (text: string, terms: string[]) => highlightRanges(text, terms).map(([a, b]) => text.slice(a, b));

describe('contentTerms: the words that carry a question', () => {
	test.each([
		['What is local civil society infrastructure?', ['local', 'civil', 'society', 'infrastructure']],
		['does more funding lead to more charities', ['funding', 'lead', 'charities']],
		['Is there evidence that more funding for infrastructure leads to more charities?', ['evidence', 'funding', 'infrastructure', 'leads', 'charities']],
		['what is LCSI', ['LCSI']],
		['cold spot', ['cold', 'spot']],
		['NAVCA’s briefing', ['NAVCA’s', 'briefing']],
	])('%s → %o', (query, terms) => {
		expect(contentTerms(query)).toEqual(terms);
	});

	test('keeps research words that look small but mean something: no, not, evidence', () => {
		expect(contentTerms('is there no evidence')).toEqual(['no', 'evidence']);
	});

	test('a query of grammar words alone is kept as typed, so it still finds something', () => {
		expect(contentTerms('who are we')).toEqual(['who', 'are', 'we']);
	});

	test('drops repeats, whatever their case', () => {
		expect(contentTerms('funding Funding FUNDING')).toEqual(['funding']);
	});
});

test('isStopWord knows question words and grammar words, and nothing from the research', () => {
	for (const w of ['what', 'Is', 'does', 'to', 'for', 'more', 'there', 'the']) expect(isStopWord(w), w).toBe(true);
	for (const w of ['funding', 'LCSI', 'quality', 'council', 'evidence', 'no']) expect(isStopWord(w), w).toBe(false);
});

test('looksLikeQuestion: a question mark or a question word first', () => {
	expect(looksLikeQuestion('funding?')).toBe(true);
	expect(looksLikeQuestion('How strong is the evidence')).toBe(true);
	expect(looksLikeQuestion('funding charities')).toBe(false);
});

describe('highlighting marks whole words, never grammar words', () => {
	test('"is" is never marked, inside "organisations" or alone', () => {
		expect(marked('This is what organisations said.', ['is', 'organisations'])).toEqual(['organisations']);
	});

	test('"to" is not marked in "total" or "factors"', () => {
		expect(marked('the total and the factors', ['to'])).toEqual([]);
	});

	test('a term marks the words it was matched on: plurals, verb endings, longer words it starts', () => {
		expect(marked('Charities and a charity; benefits that benefited; funding and funds.', ['charities', 'benefit', 'fund'])).toEqual(['Charities', 'charity', 'benefits', 'benefited', 'funding', 'funds']);
	});

	test('a short term must be the whole word, so "age" does not mark "agency"', () => {
		expect(marked('An agency of any age', ['age'])).toEqual(['age']);
		expect(marked('530 organisations, not 5300', ['530'])).toEqual(['530']);
	});

	test('never inside a word', () => {
		expect(marked('recommissioning and commissioning', ['commissioning'])).toEqual(['commissioning']);
		expect(wordMatches('decommission', 'commission')).toBe(false);
	});
});

test('wordRoot brings plurals and verb forms together', () => {
	expect(wordRoot('charities')).toBe(wordRoot('charity'));
	expect(wordRoot('benefits')).toBe('benefit');
	expect(wordRoot('funding')).toBe('fund');
});

test('termsCovered counts each term once', () => {
	expect(termsCovered('Does more funding for local infrastructure lead to more charities?', ['funding', 'charity', 'council'])).toBe(2);
});

describe('relaxedQueries: one word left out at a time', () => {
	test('shortest words first, never all of them', () => {
		expect(relaxedQueries(['funding', 'lead', 'charities'])).toEqual([
			['funding', 'charities'],
			['lead', 'charities'],
			['funding', 'lead'],
		]);
	});

	test('nothing to relax with one word; at most `limit` queries', () => {
		expect(relaxedQueries(['funding'])).toEqual([]);
		expect(relaxedQueries(['a1', 'b22', 'c333', 'd4444', 'e55555', 'f666666'], 4)).toHaveLength(4);
	});
});

test('distinctiveTerms sets aside the subject words, unless nothing else is left', () => {
	expect(distinctiveTerms(['funding', 'local', 'infrastructure'])).toEqual(['funding']);
	expect(distinctiveTerms(['LCSI'])).toEqual(['LCSI']);
});

test('wordOverlap compares every word, grammar words included', () => {
	expect(wordOverlap('what does local infrastructure do', 'What does local infrastructure do?')).toBe(1);
	expect(wordOverlap('what is LCSI', 'What does local infrastructure do?')).toBeLessThan(0.3);
	expect(wordOverlap('', 'x')).toBe(0);
});
