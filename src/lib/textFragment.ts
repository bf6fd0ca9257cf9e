/**
 * Links to a sentence: URL text fragments (`#:~:text=…`) as specified by the WICG
 * (https://wicg.github.io/scroll-to-text-fragment/). Pure functions: the browser script
 * (src/scripts/text-fragment.ts) reads the selection and the page's text and hands them here.
 *
 * A text directive is `text=[prefix-,]textStart[,textEnd][,-suffix]`. The browser scrolls to
 * and highlights the *first* match in the page, matching whole words only, so this module:
 * - widens a selection that starts or ends inside a word to whole words;
 * - uses `textStart,textEnd` (a few words at each end) for long selections, keeping links short;
 * - adds `prefix-,` / `,-suffix` context from the surrounding words when the text also occurs
 *   earlier or elsewhere on the page;
 * - percent-encodes every term, including the `-`, `&` and `,` that the syntax reserves.
 */

export interface TextDirective {
	prefix?: string;
	textStart: string;
	textEnd?: string;
	suffix?: string;
}

export interface SelectionContext {
	/** The selected text, as the selection gives it. */
	selected: string;
	/** Text before the selection in the same block (paragraph, list item, heading). */
	before: string;
	/** Text after the selection in the same block. */
	after: string;
	/** All the text a browser would search for the match (the page's visible text). */
	pageText: string;
}

/** Up to this many words a selection is quoted whole; longer ones become `start,end`. */
export const EXACT_MAX_WORDS = 10;
/** Words taken at each end of a long selection, before adding more to make them unique. */
export const RANGE_WORDS = 3;
/** At most this many words of context are added before or after. */
export const MAX_CONTEXT_WORDS = 5;

/**
 * Percent-encode one term. encodeURIComponent covers `&`, `,`, `#`, spaces and non-ASCII;
 * the spec also reserves `-` (it marks prefix and suffix), which encodeURIComponent leaves.
 */
export function encodeTerm(term: string): string {
	return encodeURIComponent(term).replace(/-/g, '%2D');
}

/** The directive as it appears after `:~:`, e.g. `text=local%20knowledge,-matters`. */
export function formatTextDirective({ prefix, textStart, textEnd, suffix }: TextDirective): string {
	const parts = [prefix === undefined ? undefined : `${encodeTerm(prefix)}-`, encodeTerm(textStart), textEnd === undefined ? undefined : encodeTerm(textEnd), suffix === undefined ? undefined : `-${encodeTerm(suffix)}`];
	return `text=${parts.filter((p) => p !== undefined).join(',')}`;
}

/**
 * Read a `text=` directive back (the inverse of formatTextDirective): for tests, and to check
 * a generated link says what was selected.
 */
export function parseTextDirective(directive: string): TextDirective {
	const body = directive.replace(/^text=/, '');
	const parts = body.split(',');
	const result: Partial<TextDirective> = {};
	if (parts[0]?.endsWith('-')) result.prefix = decodeURIComponent(parts.shift()!.slice(0, -1));
	if (parts.at(-1)?.startsWith('-')) result.suffix = decodeURIComponent(parts.pop()!.slice(1));
	if (parts.length < 1 || parts.length > 2) throw new Error(`Not a text directive: ${directive}`);
	result.textStart = decodeURIComponent(parts[0]!);
	if (parts[1] !== undefined) result.textEnd = decodeURIComponent(parts[1]);
	return result as TextDirective;
}

/**
 * The link: the page's address, the nearest section's id as a fallback anchor (browsers that
 * cannot find the text, or do not support text fragments, still land near it), then the
 * directive. `#section:~:text=…` is the spec's form for "fragment plus directive".
 */
export function textFragmentUrl(pageUrl: string, directive: TextDirective, sectionId?: string): string {
	const url = new URL(pageUrl);
	url.hash = '';
	return `${url.href}#${sectionId ? encodeURIComponent(sectionId) : ''}:~:${formatTextDirective(directive)}`;
}

/** Collapse runs of white space (line breaks between blocks, non-breaking spaces) to one space. */
function normalise(text: string): string {
	return text.replace(/\s+/g, ' ');
}

const WORD_END = /[\p{L}\p{N}'’-]+$/u;
const WORD_START = /^[\p{L}\p{N}'’-]+/u;

/**
 * Text fragments match whole words only, so a selection that starts or ends part-way through
 * a word is widened to the whole word; white space at its edges moves outside it.
 */
export function widenToWords({ selected, before, after }: Pick<SelectionContext, 'selected' | 'before' | 'after'>) {
	let sel = selected;
	let pre = before;
	let post = after;
	const head = WORD_END.exec(pre);
	if (head && WORD_START.test(sel)) {
		sel = head[0] + sel;
		pre = pre.slice(0, -head[0].length);
	}
	const tail = WORD_START.exec(post);
	if (tail && WORD_END.test(sel)) {
		sel += tail[0];
		post = post.slice(tail[0].length);
	}
	const lead = /^\s*/.exec(sel)![0];
	const trail = /\s*$/.exec(sel)![0];
	return { selected: sel.trim(), before: pre + lead, after: trail + post };
}

/** How often `needle` occurs in `haystack`, overlapping, ignoring case (as matching does). */
function occurrences(haystack: string, needle: string): number {
	if (!needle) return 0;
	let count = 0;
	for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) count++;
	return count;
}

/** The last `n` words of `text` with the space that joins them to what follows. */
function lastWords(text: string, n: number): string | undefined {
	const words = text.trim().split(' ').filter(Boolean);
	if (words.length < n) return undefined;
	const kept = words.slice(-n).join(' ');
	return text.endsWith(' ') ? `${kept} ` : kept;
}

/** The first `n` words of `text` with the space that joins them to what comes before. */
function firstWords(text: string, n: number): string | undefined {
	const words = text.trim().split(' ').filter(Boolean);
	if (words.length < n) return undefined;
	const kept = words.slice(0, n).join(' ');
	return text.startsWith(' ') ? ` ${kept}` : kept;
}

/**
 * The shortest directive that picks out the selection: the whole text for short selections,
 * a few words at each end for long ones, with context words only when needed to make the
 * first match in the page the selected one. Returns undefined for an empty selection.
 */
export function buildTextDirective(context: SelectionContext): TextDirective | undefined {
	const widened = widenToWords(context);
	const selected = normalise(widened.selected).trim();
	if (!selected) return undefined;
	const before = normalise(widened.before);
	const after = normalise(widened.after);
	const page = normalise(context.pageText).toLowerCase();
	const unique = (text: string) => occurrences(page, text.toLowerCase()) <= 1;
	const words = selected.split(' ');

	// Long selection: textStart,textEnd. The start must be the first match on the page; the end
	// is searched for after the start, so it need only not occur earlier inside the selection.
	if (words.length > EXACT_MAX_WORDS) {
		const maxWords = Math.floor(words.length / 2);
		let startWords = RANGE_WORDS;
		while (startWords < maxWords && !unique(words.slice(0, startWords).join(' '))) startWords++;
		let endWords = RANGE_WORDS;
		const endIsFirstAfterStart = (n: number) => {
			const end = words.slice(-n).join(' ').toLowerCase();
			const rest = selected.toLowerCase().slice(words.slice(0, startWords).join(' ').length);
			return rest.indexOf(end) === rest.length - end.length;
		};
		while (endWords < maxWords && !endIsFirstAfterStart(endWords)) endWords++;
		const textStart = words.slice(0, startWords).join(' ');
		const textEnd = words.slice(-endWords).join(' ');
		if (unique(textStart)) return { textStart, textEnd };
		for (let n = 1; n <= MAX_CONTEXT_WORDS; n++) {
			const prefix = lastWords(before, n);
			if (prefix === undefined) break;
			if (unique(prefix + textStart)) return { prefix: prefix.trim(), textStart, textEnd };
		}
		return { textStart, textEnd };
	}

	// Short selection: quote it whole, with context only if the words occur elsewhere.
	if (unique(selected)) return { textStart: selected };
	for (let n = 1; n <= MAX_CONTEXT_WORDS; n++) {
		const prefix = lastWords(before, n);
		const suffix = firstWords(after, n);
		if (prefix !== undefined && unique(prefix + selected)) return { prefix: prefix.trim(), textStart: selected };
		if (suffix !== undefined && unique(selected + suffix)) return { textStart: selected, suffix: suffix.trim() };
		if (prefix !== undefined && suffix !== undefined && unique(prefix + selected + suffix)) return { prefix: prefix.trim(), textStart: selected, suffix: suffix.trim() };
		if (prefix === undefined && suffix === undefined) break;
	}
	// The sources repeat themselves exactly: give all the context there is; the section anchor
	// still brings the reader to the right part of the page.
	const prefix = lastWords(before, Math.min(MAX_CONTEXT_WORDS, before.trim().split(' ').filter(Boolean).length));
	const suffix = firstWords(after, Math.min(MAX_CONTEXT_WORDS, after.trim().split(' ').filter(Boolean).length));
	return { ...(prefix?.trim() ? { prefix: prefix.trim() } : {}), textStart: selected, ...(suffix?.trim() ? { suffix: suffix.trim() } : {}) };
}
