import { expect, test } from 'vitest';
import { fillSearchRecords, recordAsFragment, SEARCH_RECORDS_PLACEHOLDER, searchRecords } from '../../src/lib/search-records.ts';
import { shapeResult } from '../../src/lib/search-results.ts';
import type { PagefindFragment } from '../../src/lib/search-results.ts';

const fragment = (over: Partial<PagefindFragment>): PagefindFragment => ({ url: '/x/', excerpt: '', meta: {}, filters: {}, sub_results: [], raw_content: 'the page text', ...over });

const finding = fragment({ url: '/findings/3-who-benefits/', meta: { type: 'finding', number: '3', strength: 'moderate', title: 'Finding 3: Who benefits', keywords: 'k' }, filters: { type: ['finding'], function: ['Convening', 'Advocacy'] } });
const question = fragment({ url: '/questions/#what-is-a-cold-spot', meta: { type: 'question', title: 'What is a cold spot?', keywords: 'cold spot, gap' }, filters: { type: ['question'], question: ['What is a cold spot?'] }, raw_content: 'An area with little local infrastructure.' });

test('a record keeps what lists a result, and a question keeps the words that choose and fill its answer', () => {
	const records = searchRecords([
		['en_b', question],
		['en_a', finding],
	]);
	expect(Object.keys(records)).toEqual(['en_a', 'en_b']);
	expect(records.en_a).toEqual({ url: '/findings/3-who-benefits/', meta: { type: 'finding', number: '3', strength: 'moderate', title: 'Finding 3: Who benefits' }, filters: { function: ['Convening', 'Advocacy'] } });
	expect(records.en_b).toEqual({ url: '/questions/#what-is-a-cold-spot', meta: question.meta, filters: {}, raw_content: 'An area with little local infrastructure.' });
});

test('a record shapes into the same kind, title and link as its full text, without excerpts', () => {
	const records = searchRecords([['en_a', finding]]);
	const early = shapeResult(recordAsFragment(records.en_a!), 'who benefits', ['benefits']);
	const full = shapeResult(finding, 'who benefits', ['benefits']);
	expect({ kind: early.kind, title: early.title, url: early.url }).toEqual({ kind: full.kind, title: full.title, url: full.url });
	expect(early.kind).toBe('Finding 3 · Moderate evidence');
	expect(early.excerpt).toBe('');
	expect(early.sections).toEqual([]);
});

test('the records fill the page placeholder as JSON that cannot close its script element', () => {
	const html = `<p>x</p>${SEARCH_RECORDS_PLACEHOLDER}<p>y</p>`;
	const out = fillSearchRecords(html, { a: { url: '/a/', meta: { title: '</script><b>' }, filters: {} } });
	expect(out).not.toContain('</script><b>');
	const json = out.match(/data-search-records>(.*?)<\/script>/)![1]!;
	expect(JSON.parse(json).a.meta.title).toBe('</script><b>');
	expect(fillSearchRecords('<p>no placeholder</p>', {})).toBe('<p>no placeholder</p>');
});
