/**
 * What a reader's words mean to the search: which words carry the question, which are
 * grammar, and which words on a page answer to them. Pure functions shared by the search page,
 * the result-page highlighter, the benchmark and the tests.
 *
 * Pagefind matches every word of a query as a prefix and ranks on all of them, so in "what is
 * local civil society infrastructure" the words "what" and "is" decide as much as the rest, and
 * "is" matches inside "organisations". Readers ask questions; the index holds answers. So the
 * search page sends Pagefind the content words only, and marks only whole content words.
 */

/** Words that make a sentence a question; they say nothing about what is asked. */
export const QUESTION_WORDS = new Set([
	'what', 'whats', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how',
	'is', 'are', 'was', 'were', 'does', 'do', 'did', 'can', 'could', 'should', 'would', 'will', 'shall', 'may', 'might', 'must',
]);

/**
 * Grammar words (English, kept short on purpose): never searched on their own and never
 * highlighted. Research words such as "no", "not" and "evidence" are not here: they carry meaning.
 */
export const STOP_WORDS = new Set([
	'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'than', 'so', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'with',
	'from', 'into', 'about', 'as', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'theres', 'their', 'they', 'them',
	'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'any', 'some',
	'more', 'most', 'much', 'many', 'very', 'also', 'just', 'get', 'got', 'really', 'tell', 'please', 'mean', 'means', 'meant',
	'here', 'out', 'up', 'all', 'own', 'one',
]);

/**
 * Words that name the subject of every page here ("local civil society infrastructure"). They
 * are searched like any other word, but they cannot tell one common question from another, so
 * matching a query to a question looks at the other words first.
 */
export const SUBJECT_WORDS = new Set(['local', 'civil', 'society', 'infrastructure', 'lcsi']);

/** The terms that tell questions apart: all but the subject words, or all of them when nothing else is left. */
export function distinctiveTerms(terms: string[]): string[] {
	const rest = terms.filter((t) => !SUBJECT_WORDS.has(fold(t)));
	return rest.length > 0 ? rest : terms;
}

/** How alike two texts are as sets of words, every word counted (0 to 1): "what does LCSI do" and "What does LCSI do?" are 1. */
export function wordOverlap(a: string, b: string): number {
	const set = (t: string) => new Set(words(t).map(fold));
	const x = set(a);
	const y = set(b);
	if (x.size === 0 || y.size === 0) return 0;
	let shared = 0;
	for (const w of x) if (y.has(w)) shared++;
	return shared / (x.size + y.size - shared);
}

/** Split text into words: letters and digits, keeping an inner apostrophe ("NAVCA's"). */
export function words(text: string): string[] {
	return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

const fold = (word: string) => word.toLowerCase().replace(/['’]/g, '');

/** A question word or a grammar word: leave it out of the search and never mark it. */
export function isStopWord(word: string): boolean {
	const w = fold(word);
	return QUESTION_WORDS.has(w) || STOP_WORDS.has(w);
}

/** True when the reader asked a question rather than typed keywords. */
export function looksLikeQuestion(query: string): boolean {
	const first = words(query)[0];
	return query.trim().endsWith('?') || (first !== undefined && QUESTION_WORDS.has(fold(first)));
}

/**
 * The words that carry the query, in order, without repeats: "does more funding lead to more
 * charities?" → ["funding", "lead", "charities"]. When every word is a grammar word ("who is
 * it"), the words are kept as typed, so the reader still gets an answer.
 */
export function contentTerms(query: string): string[] {
	const all = words(query);
	const kept = all.filter((w) => !isStopWord(w));
	const chosen = kept.length > 0 ? kept : all;
	const seen = new Set<string>();
	return chosen.filter((w) => {
		const key = w.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * The root a word is matched on: lower case, without an apostrophe and a plural or verb ending,
 * so "charities" and "charity", "benefits" and "benefited", "funding" and "funds" meet.
 * Deliberately crude; Pagefind does the real stemming when it matches.
 */
export function wordRoot(word: string): string {
	const w = fold(word);
	if (w.length <= 4) return w.replace(/s$/, '');
	for (const [ending, replacement] of [
		['ies', 'i'],
		['ied', 'i'],
		['ing', ''],
		['ed', ''],
		['es', ''],
		['s', ''],
		['y', 'i'],
	] as const) {
		if (w.endsWith(ending) && w.length - ending.length >= 3) return w.slice(0, -ending.length) + replacement;
	}
	return w;
}

/**
 * Does a word on a page answer to a searched term? Whole words only: the word must start with
 * the term's root (Pagefind matches terms as prefixes), so "cold" marks "cold", "fund" marks
 * "funding", and "is" is never asked for. Short terms (three letters or fewer) must match the
 * whole word, give or take a plural, so "age" does not mark "agency".
 */
export function wordMatches(word: string, term: string): boolean {
	return termMatcher([term])(word) === 0;
}

/**
 * A fast test for many words against the same terms: returns the index of the first term a
 * word answers to, or -1. Grammar words among the terms are never matched.
 */
export function termMatcher(terms: string[]): (word: string) => number {
	const prepared = terms.map((t) => {
		const folded = fold(t);
		const skip = !folded || isStopWord(folded);
		return { skip, short: folded.length <= 3, folded, root: wordRoot(folded) };
	});
	return (word: string) => {
		let w = word.toLowerCase();
		if (w.includes("'") || w.includes('’')) w = w.replace(/['’]/g, '');
		for (let i = 0; i < prepared.length; i++) {
			const t = prepared[i]!;
			if (t.skip) continue;
			if (t.short) {
				if (w === t.folded || w === `${t.folded}s` || (w.length <= 5 && wordRoot(w) === t.root)) return i;
			} else if (w.startsWith(t.root) || (w.length >= t.root.length - 1 && wordRoot(w) === t.root)) return i;
		}
		return -1;
	};
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Where in `text` the searched terms appear, as whole words: [start, end) ranges in order. */
export function highlightRanges(text: string, terms: string[]): [number, number][] {
	const match = termMatcher(terms);
	const ranges: [number, number][] = [];
	for (const m of text.matchAll(WORD)) {
		if (match(m[0]) !== -1) ranges.push([m.index, m.index + m[0].length]);
	}
	return ranges;
}

/** How many of the terms a text covers (each term counted once), for matching a query to a common question. */
export function termsCovered(text: string, terms: string[]): number {
	const found = words(text);
	return terms.filter((t) => {
		const match = termMatcher([t]);
		return found.some((w) => match(w) === 0);
	}).length;
}

/**
 * The ways to relax a query that found too little: each query with one term left out, longest
 * terms kept first. Pagefind requires every term to match, so a question with one word the
 * pages do not use ("charities" where they say "civil society organisations") finds nothing;
 * leaving one word out at a time finds the pages that match all the others. At most `limit`.
 */
export function relaxedQueries(terms: string[], limit = 4): string[][] {
	if (terms.length < 2) return [];
	const out: string[][] = [];
	// Leave out the shortest words first: they are the likeliest to be filler.
	const order = terms.map((t, i) => ({ t, i })).sort((a, b) => a.t.length - b.t.length || b.i - a.i);
	for (const { i } of order) {
		out.push(terms.filter((_, j) => j !== i));
		if (out.length >= limit) break;
	}
	return out;
}
