/**
 * Which of Pagefind's index files a search needs, known before Pagefind has loaded.
 *
 * Pagefind splits its word index into chunks, each covering an alphabetical range of words,
 * and fetches the chunk for each word only once its WebAssembly and metadata have loaded and
 * the search runs: a round trip after everything else. The build reads the chunk table from
 * the metadata (decodePagefindMeta) and gives it to the search page, whose early script
 * (src/scripts/search-early.ts) preloads the chunks for the words being typed while Pagefind is
 * still on its way, so the search finds them already fetched.
 *
 * indexChunksFor() and wordsToFetch() are written into the page as source for that early script:
 * they use nothing but their arguments.
 */
import { fillJsonPlaceholder } from './json-placeholder.ts';

/** One chunk: the first and last word it covers, and its file's name (`pagefind/index/<hash>.pf_index`). */
export type IndexChunk = [from: string, to: string, hash: string];

/**
 * What the early script needs: the chunk table and the words never searched. (The filter file
 * every search reads is carried in the page: src/lib/pagefind-page-files.ts.)
 */
export interface SearchIndexPlan {
	chunks: IndexChunk[];
	/** Lower-case words the search leaves out (src/lib/search-query.ts), so their chunks are not fetched. */
	stop: string[];
}

/** Where the search page keeps it: `<script type="application/json" data-search-index>`, filled after indexing. */
export const SEARCH_INDEX_PLACEHOLDER = '<script type="application/json" data-search-index>{}</script>';

/** The plan as the placeholder's content, safe inside a script element. */
export function fillSearchIndexPlan(html: string, plan: SearchIndexPlan): string {
	return fillJsonPlaceholder(html, SEARCH_INDEX_PLACEHOLDER, plan);
}

/**
 * The chunk Pagefind loads for each term, as its WebAssembly chooses them (pagefind_web's
 * `request_indexes`): the first chunk whose range holds the term; when no term has one, the
 * chunks whose range holds the term cut to the length of the range's ends (a term may be the
 * start of a longer word). Sorted, without repeats, as Pagefind requests them.
 */
export function indexChunksFor(terms: string[], chunks: IndexChunk[]): string[] {
	const pick = (loose: boolean) =>
		terms.flatMap((term) => {
			const chunk = chunks.find(([from, to]) => (loose ? term.slice(0, from.length) >= from.slice(0, term.length) && term.slice(0, to.length) <= to.slice(0, term.length) : term >= from && term <= to));
			return chunk ? [chunk[2]] : [];
		});
	let hashes = pick(false);
	if (hashes.length === 0 && terms.some((t) => t.trim())) hashes = pick(true);
	return [...new Set(hashes)].sort();
}

/**
 * The words worth fetching chunks for while a reader types: each word of four letters or more,
 * and each shorter word once it is finished (a space or mark after it), lower case, leaving out
 * the words the search never sends. A word still being typed is fetched by its first letters: a
 * longer word sorts after its start, so it usually falls in the same chunk.
 */
export function wordsToFetch(typed: string, stop: ReadonlySet<string>): string[] {
	const found = [...typed.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)];
	return found.flatMap((m) => {
		const word = m[0].replace(/['’]/g, '');
		const finished = m.index! + m[0].length < typed.length;
		return !stop.has(word) && (finished || word.length >= 4) ? [word] : [];
	});
}

/**
 * Pagefind's metadata file as written (after gunzip): the signature `pagefind_dcd`, then CBOR:
 * [version, pages, index chunks, filter files, sort files, meta fields]. Only the index chunks
 * and the filter files are read.
 */
export function decodePagefindMeta(bytes: Uint8Array): { chunks: IndexChunk[]; filters: Record<string, string> } {
	const signature = 'pagefind_dcd';
	if (new TextDecoder().decode(bytes.subarray(0, signature.length)) !== signature) throw new Error('Not Pagefind metadata: the pagefind_dcd signature is missing');
	const meta = decodeCbor(bytes.subarray(signature.length));
	if (!Array.isArray(meta) || !Array.isArray(meta[2]) || !Array.isArray(meta[3])) throw new Error('Pagefind metadata has an unexpected shape');
	const chunks = (meta[2] as unknown[][]).map(([from, to, hash]) => [String(from), String(to), String(hash)] as IndexChunk);
	const filters = Object.fromEntries((meta[3] as unknown[][]).map(([name, hash]) => [String(name), String(hash)]));
	return { chunks, filters };
}

/** A small CBOR reader (RFC 8949): the unsigned and negative integers, strings, arrays, maps and simple values Pagefind writes. */
export function decodeCbor(bytes: Uint8Array): unknown {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let at = 0;
	const argument = (info: number): number => {
		if (info < 24) return info;
		const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
		if (!size) throw new Error(`CBOR: unsupported length ${info} at byte ${at}`);
		const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
		at += size;
		return value;
	};
	const item = (): unknown => {
		const first = view.getUint8(at++);
		const major = first >> 5;
		const info = first & 31;
		if (major === 7) {
			if (info === 20) return false;
			if (info === 21) return true;
			if (info === 22 || info === 23) return null;
			throw new Error(`CBOR: unsupported simple value ${info}`);
		}
		const n = argument(info);
		switch (major) {
			case 0:
				return n;
			case 1:
				return -1 - n;
			case 2:
			case 3: {
				const chunk = bytes.subarray(at, at + n);
				at += n;
				return major === 3 ? new TextDecoder().decode(chunk) : chunk;
			}
			case 4:
				return Array.from({ length: n }, item);
			case 5: {
				const map: Record<string, unknown> = {};
				for (let i = 0; i < n; i++) map[String(item())] = item();
				return map;
			}
			default:
				throw new Error(`CBOR: tags are not supported (byte ${at - 1})`);
		}
	};
	return item();
}
