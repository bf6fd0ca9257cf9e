import { describe, expect, test } from 'vitest';
import { RELAX_BELOW, runQuery, type SearchHit, type Searchable } from '../../src/lib/search-run.ts';

/** A fake index: pages are word lists; a search matches pages holding every word as a prefix. */
function fakeIndex(pages: Record<string, string>) {
	const calls: { term: string | null; filters?: Record<string, unknown> }[] = [];
	const api: Searchable = {
		async search(term, options) {
			calls.push({ term, filters: options?.filters });
			const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
			const results: SearchHit[] = Object.entries(pages)
				.filter(([, text]) => words.every((w) => text.toLowerCase().split(/\W+/).some((t) => t.startsWith(w))))
				.map(([id, text]) => ({ id, score: words.length + 1 / text.length, data: async () => id }));
			return { results, filters: { type: { finding: results.length } }, totalFilters: { type: { finding: Object.keys(pages).length } } };
		},
	};
	return { api, calls };
}

describe('runQuery', () => {
	test('searches the content words, not the question words', async () => {
		const { api, calls } = fakeIndex({ definitions: 'what local civil society infrastructure is', report: 'local civil society infrastructure programme' });
		const found = await runQuery(api, 'What is local civil society infrastructure?');
		expect(calls[0]!.term).toBe('local civil society infrastructure');
		expect(found.terms).toEqual(['local', 'civil', 'society', 'infrastructure']);
		expect(found.results.map((r) => r.id).sort()).toEqual(['definitions', 'report']);
	});

	test('retries with the words as typed when the content words find nothing', async () => {
		const { api, calls } = fakeIndex({ a: 'the who', b: 'nothing here' });
		// "the who": both grammar words, so the content words are the words as typed; the retry is
		// for queries whose content words miss, e.g. a name made of grammar words and one other word.
		const found = await runQuery(api, 'the who');
		expect(found.results.map((r) => r.id)).toEqual(['a']);
		const { api: api2, calls: calls2 } = fakeIndex({ a: 'it is what it is' });
		await runQuery(api2, 'what is zzz');
		expect(calls2.map((c) => c.term)).toEqual(['zzz', 'what is zzz']);
		// Relaxing comes first; the words as typed only when that finds nothing either.
		const { api: api3, calls: calls3 } = fakeIndex({ a: 'funding here' });
		const found3 = await runQuery(api3, 'is funding zzz');
		expect(calls3.map((c) => c.term)).toEqual(['funding zzz', 'funding', 'zzz']);
		expect(found3.results.map((r) => r.id)).toEqual(['a']);
		expect(calls.length).toBeGreaterThan(0);
	});

	test(`relaxes a query that matched fewer than ${RELAX_BELOW} pages: pages matching all but one word follow`, async () => {
		const { api } = fakeIndex({
			question: 'does more funding lead to more charities',
			finding4: 'funding could lead to competition civil society organisations',
			glossary: 'charities registered in england',
			other: 'nothing relevant',
		});
		const found = await runQuery(api, 'does more funding lead to more charities');
		expect(found.exact).toBe(1);
		expect(found.results[0]!.id).toBe('question');
		expect(found.results.map((r) => r.id)).toContain('finding4');
		expect(found.results.map((r) => r.id)).not.toContain('other');
		// Each page once.
		expect(new Set(found.results.map((r) => r.id)).size).toBe(found.results.length);
	});

	test('no relaxing when enough pages match every word', async () => {
		const pages = Object.fromEntries(Array.from({ length: RELAX_BELOW }, (_, i) => [`p${i}`, 'cold spot funding']));
		const { api, calls } = fakeIndex(pages);
		await runQuery(api, 'cold spot');
		expect(calls).toHaveLength(1);
	});

	test('passes the filters to every search, and browses by filter alone without words', async () => {
		const { api, calls } = fakeIndex({ a: 'x' });
		await runQuery(api, 'funding lead charities', { type: { none: ['question'] } });
		expect(calls.every((c) => JSON.stringify(c.filters) === '{"type":{"none":["question"]}}')).toBe(true);
		const browse = await runQuery(api, '  ', { type: 'report' });
		expect(browse.terms).toEqual([]);
		expect(calls.at(-1)!.term).toBeNull();
	});
});
