import { expect, test } from 'vitest';
import { decodeCbor, decodePagefindMeta, fillSearchIndexPlan, indexChunksFor, SEARCH_INDEX_PLACEHOLDER, wordsToFetch, type IndexChunk } from '../../src/lib/index-chunks.ts';
import { cbor } from '../support/cbor.ts';

const chunks: IndexChunk[] = [
	['0', 'acti', 'en_a'],
	['actu', 'chose', 'en_b'],
	['chosen', 'cvs', 'en_c'],
	['sc', 'state', 'en_d'],
	['whet', 'zz', 'en_e'],
];

test('each term gets the first chunk whose range holds it, sorted and without repeats, as Pagefind chooses', () => {
	expect(indexChunksFor(['cold'], chunks)).toEqual(['en_c']);
	expect(indexChunksFor(['spot', 'cold', 'cohesion'], chunks)).toEqual(['en_c', 'en_d']);
	expect(indexChunksFor(['actu'], chunks)).toEqual(['en_b']);
	// Between two ranges ("stay" sorts after "state", before "whet"), but another term has a chunk: none for it.
	expect(indexChunksFor(['stay', 'cold'], chunks)).toEqual(['en_c']);
});

test('when no term falls in a range, the chunks that may hold a longer word starting with it', () => {
	// "stateme" sorts after "state", the end of its range: cut to five letters it is "state", so
	// that chunk may hold it ("statement" is indexed as a longer word there).
	expect(indexChunksFor(['stateme'], chunks)).toEqual(['en_d']);
	expect(indexChunksFor(['sz'], chunks)).toEqual([]);
	expect(indexChunksFor([], chunks)).toEqual([]);
});

test('while typing, a word is fetched once it has four letters or is finished, never a grammar word', () => {
	const stop = new Set(['what', 'is', 'a', 'how', 'does']);
	expect(wordsToFetch('c', stop)).toEqual([]);
	expect(wordsToFetch('col', stop)).toEqual([]);
	expect(wordsToFetch('cold', stop)).toEqual(['cold']);
	expect(wordsToFetch('cold sp', stop)).toEqual(['cold']);
	expect(wordsToFetch('what is a cold spot', stop)).toEqual(['cold', 'spot']);
	expect(wordsToFetch('How does it age?', stop)).toEqual(['it', 'age']);
	expect(wordsToFetch("NAVCA's view ", stop)).toEqual(['navcas', 'view']);
});

test('CBOR: integers, text, arrays and maps as RFC 8949 encodes them', () => {
	expect(decodeCbor(new Uint8Array([0x18, 0x64]))).toBe(100);
	expect(decodeCbor(new Uint8Array([0x19, 0x03, 0xe8]))).toBe(1000);
	expect(decodeCbor(new Uint8Array([0x20]))).toBe(-1);
	expect(decodeCbor(new Uint8Array([0x63, 0x61, 0x62, 0x63]))).toBe('abc');
	expect(decodeCbor(new Uint8Array([0x82, 0x01, 0x82, 0x02, 0x03]))).toEqual([1, [2, 3]]);
	expect(decodeCbor(new Uint8Array([0xa1, 0x61, 0x61, 0x01]))).toEqual({ a: 1 });
	expect(decodeCbor(new Uint8Array([0xf5]))).toBe(true);
	expect(() => decodeCbor(new Uint8Array([0x9f]))).toThrow(/unsupported length/);
});

test("Pagefind's metadata gives its chunk table and filter files; anything else is refused", () => {
	const body = cbor(['1.6.0', [['en_page', 120, '']], [['0', 'acti', 'en_a'], ['actu', 'zz', 'en_b']], [['type', 'en_t'], ['function', 'en_f']], [], ['title']]);
	const bytes = new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), ...body]);
	expect(decodePagefindMeta(bytes)).toEqual({ chunks: [['0', 'acti', 'en_a'], ['actu', 'zz', 'en_b']], filters: { type: 'en_t', function: 'en_f' } });
	expect(() => decodePagefindMeta(new Uint8Array(body))).toThrow(/signature/);
	expect(() => decodePagefindMeta(new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), ...cbor(['1.6.0'])]))).toThrow(/unexpected shape/);
});

test('the plan goes into the page as JSON that cannot close its script element', () => {
	const html = `<p>x</p>${SEARCH_INDEX_PLACEHOLDER}`;
	const filled = fillSearchIndexPlan(html, { chunks: [['</script>', 'b', 'en_a']], stop: ['a'] });
	expect(filled).not.toContain('</script>"');
	const json = filled.slice(filled.indexOf('>', filled.indexOf('data-search-index')) + 1, filled.lastIndexOf('</script>'));
	expect(JSON.parse(json)).toEqual({ chunks: [['</script>', 'b', 'en_a']], stop: ['a'] });
});
