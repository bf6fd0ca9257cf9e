/**
 * Turning Pagefind's result data into what the search page shows: what each result is
 * ("Finding 6 · Moderate evidence", "Report summary"), its title, a safe excerpt with the
 * matched words marked, and up to three matching sections linked by heading id.
 * Pure functions, so the rules are unit-tested without a browser.
 */
import { distinctiveTerms, highlightRanges, isStopWord, looksLikeQuestion, termMatcher, termsCovered, wordOverlap } from './search-query.ts';
import { FILTER_NAMES, type SearchState, withHighlight } from './search-url.ts';

/** The parts of Pagefind's result data used here (see pagefind_web_js/types/index.d.ts). */
export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	locations: number[];
	weighted_locations?: { balanced_score: number }[];
	anchor?: { id: string; element: string; location?: number };
}

export interface PagefindFragment {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
	sub_results: PagefindSubResult[];
	/** The page's indexed text, unescaped; word positions (`locations`) count its words. */
	raw_content?: string;
	/** Headings with ids, and the word position where each starts. */
	anchors?: { id: string; element: string; location: number }[];
}

export interface ResultSection {
	title: string;
	url: string;
	excerpt: string;
}

export interface ShapedResult {
	kind: string;
	title: string;
	url: string;
	/** Safe HTML: text escaped, only Pagefind's <mark> kept. Empty when the sections say it all. */
	excerpt: string;
	sections: ResultSection[];
}

/** Names of the performance marks the search page sets; the benchmark and tests wait on them. */
export const SEARCH_MARKS = { start: 'lcsi-search:start', first: 'lcsi-search:first', rendered: 'lcsi-search:rendered' } as const;

/** How many sections of one page a result lists (Pagefind's own UI shows three too). */
export const MAX_SECTIONS = 3;

/** Plural labels for the content types, as the type filter shows them. */
export const TYPE_LABELS: Record<string, string> = {
	finding: 'Findings',
	report: 'Report summaries',
	definition: 'Definitions',
	function: 'Functions',
	pathway: 'Pathways',
	page: 'Other pages',
};

/** Labels for the evidence strength filter (the finding scale). */
export const STRENGTH_LABELS: Record<string, string> = {
	strong: 'Strong',
	moderate: 'Moderate',
	emerging: 'Emerging',
	mixed: 'Mixed',
};

/** How a common question without an evidence level is labelled (content/questions/, `kind`). */
export const QUESTION_KIND_LABELS: Record<string, string> = {
	finding: '',
	'not-answered': 'Not answered by the research',
	about: 'About the research',
};

/** Labels for the filter controls. */
export const FILTER_LABELS: Record<(typeof FILTER_NAMES)[number], string> = {
	type: 'Kind of page',
	strength: 'Evidence strength',
	function: 'Function',
	pathway: 'Outcome pathway',
	report: 'Report',
};

/** The label for one filter value: content types and strengths get their labels, other values are names already. */
export function filterValueLabel(name: string, value: string): string {
	if (name === 'type') return TYPE_LABELS[value] ?? value;
	if (name === 'strength') return STRENGTH_LABELS[value] ?? value;
	return value;
}

/** The order filter options are listed in: the strength scale strongest first, everything else by name. */
export function sortFilterValues(name: string, values: string[]): string[] {
	const scale = Object.keys(STRENGTH_LABELS);
	return [...values].sort((a, b) =>
		name === 'strength' ? (scale.indexOf(a) + 1 || 99) - (scale.indexOf(b) + 1 || 99) : filterValueLabel(name, a).localeCompare(filterValueLabel(name, b)),
	);
}

/**
 * What a result is, from the meta and filters SearchIndexMeta.astro gives each page. The list
 * pages share their section's type but carry no number / report / function of their own.
 */
export function resultKind(fragment: Pick<PagefindFragment, 'meta' | 'filters'>): string {
	const { meta, filters } = fragment;
	switch (meta.type) {
		case 'finding': {
			if (!meta.number) return 'List of findings';
			const strength = meta.strength ? ` · ${meta.strength.charAt(0).toUpperCase()}${meta.strength.slice(1)} evidence` : '';
			return `Finding ${meta.number}${strength}`;
		}
		case 'report':
			return meta.report ? 'Report summary' : 'List of reports';
		case 'function':
			return filters.function?.length === 1 ? 'Function' : 'List of functions';
		case 'definition':
			return 'Definition';
		case 'pathway':
			return 'Pathways';
		case 'question':
			return 'Common question';
		default:
			return 'Page';
	}
}

/** The result's title; a finding's "Finding N: " prefix is dropped because its kind line says it. */
export function resultTitle(fragment: Pick<PagefindFragment, 'meta'>): string {
	const title = fragment.meta.title ?? '';
	const number = fragment.meta.type === 'finding' ? fragment.meta.number : undefined;
	return number ? title.replace(new RegExp(`^Finding ${number}:\\s*`), '') : title;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Pagefind's excerpts are page text with matches wrapped in <mark>, but the text itself is
 * not escaped ("R&D", or a "<" in prose, arrive raw). Escape everything except the marks.
 * Source citations are kept out of the index (data-pagefind-ignore), which leaves a space
 * before the punctuation that followed them ("for funding ."): close those gaps.
 */
export function safeExcerpt(excerpt: string): string {
	return excerpt
		.split(/(<\/?mark>)/)
		.map((part) => (part === '<mark>' || part === '</mark>' ? part : part.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)))
		.join('')
		.replace(/\s+(?=[.,;:)](?:\s|<|$))/g, '');
}

function sectionScore(section: PagefindSubResult): number {
	return (section.weighted_locations ?? []).reduce((sum, w) => sum + w.balanced_score, 0) || section.locations.length;
}

/**
 * The page's best-matching sections, best first. Only sections under a heading with an id
 * count (they are the ones with a `#heading` link); the text before the first heading is
 * the page itself.
 */
export function pickSections(subResults: PagefindSubResult[], limit = MAX_SECTIONS): PagefindSubResult[] {
	return subResults
		.filter((s) => s.anchor?.id && s.locations.length > 0)
		.map((s, order) => ({ s, order, score: sectionScore(s) }))
		.sort((a, b) => b.score - a.score || a.order - b.order)
		.slice(0, limit)
		.map(({ s }) => s);
}

/** Escape text for HTML, keeping nothing. */
function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** How many words an excerpt shows (Pagefind's own default is 30). */
export const EXCERPT_WORDS = 30;

/** The last page's words and where the searched terms fall among them (see wordMatches). */
let lastMatches: { rawContent: string; key: string; all: string[]; matches: { at: number; term: number }[] } | undefined;

/**
 * A page's words, and which term each matching word answers to (whole words; punctuation
 * around a word ignored). A result's page and each of its sections take their excerpts from
 * the same text, one after another, so the last page's answer is kept rather than worked out
 * again for every section.
 */
function wordMatches(rawContent: string, wanted: string[]): { all: string[]; matches: { at: number; term: number }[] } {
	const key = wanted.join('\u0000');
	if (lastMatches?.rawContent === rawContent && lastMatches.key === key) return lastMatches;
	const all = rawContent.split(/[^\S\uFEFF]+/);
	const match = termMatcher(wanted);
	const matches: { at: number; term: number }[] = [];
	for (let i = 0; i < all.length; i++) {
		const raw = all[i]!;
		const bare = /^[a-z0-9]+$/i.test(raw) ? raw : raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
		if (!bare) continue;
		const t = match(bare);
		if (t !== -1) matches.push({ at: i, term: t });
	}
	lastMatches = { rawContent, key, all, matches };
	return lastMatches;
}

/**
 * An excerpt centred on the matched passage: the window of `length` words (within one
 * section, from `from` to `to` word positions) holding the most distinct searched words, moved
 * back to the start of its sentence when that is near, with the searched words marked as
 * whole words. Pagefind's own excerpt starts at its densest window, which can stop just before
 * the sentence that answers. Returns safe HTML; '' when nothing in the range matches.
 */
export function centredExcerpt(rawContent: string, terms: string[], from = 0, to?: number, length = EXCERPT_WORDS): string {
	const wanted = terms.filter((t) => !isStopWord(t));
	if (wanted.length === 0) return '';
	const { all, matches } = wordMatches(rawContent, wanted);
	const end = Math.min(to ?? all.length, all.length);
	const start = Math.max(0, Math.min(from, end));
	const matched = matches.filter((m) => m.at >= start && m.at < end);
	if (matched.length === 0) return '';
	// The window of `length` words with the most distinct terms, then the tightest cluster, then
	// the most matches (two pointers over the matches, so long pages stay fast).
	let best = { first: matched[0]!.at, last: matched[0]!.at, distinct: 0, span: Infinity, count: 0 };
	const inWindow = new Map<number, number>();
	let right = 0;
	for (let left = 0; left < matched.length; left++) {
		const windowEnd = matched[left]!.at + length;
		while (right < matched.length && matched[right]!.at < windowEnd) {
			const term = matched[right]!.term;
			inWindow.set(term, (inWindow.get(term) ?? 0) + 1);
			right++;
		}
		const distinct = inWindow.size;
		const count = right - left;
		const span = matched[right - 1]!.at - matched[left]!.at + 1;
		if (distinct > best.distinct || (distinct === best.distinct && (span < best.span || (span === best.span && count > best.count))))
			best = { first: matched[left]!.at, last: matched[right - 1]!.at, distinct, span, count };
		const leaving = matched[left]!.term;
		const n = (inWindow.get(leaving) ?? 1) - 1;
		if (n === 0) inWindow.delete(leaving);
		else inWindow.set(leaving, n);
	}
	// Centre the matched passage in the excerpt, or start at its sentence when that fits.
	const slack = Math.max(0, length - best.span);
	let first = Math.max(start, best.first - Math.floor(slack / 2));
	for (let i = best.first; i >= Math.max(start, best.first - slack); i--) {
		if (i === start || /[.!?:]["”’)]?$/.test(all[i - 1] ?? '')) {
			first = i;
			break;
		}
	}
	const last = Math.min(end, first + length);
	if (last - first < length) first = Math.max(start, last - length);
	const shown = all.slice(first, last).map((word) => {
		const ranges = highlightRanges(word, wanted);
		if (ranges.length === 0) return escapeHtml(word);
		let html = '';
		let at = 0;
		for (const [a, b] of ranges) {
			html += `${escapeHtml(word.slice(at, a))}<mark>${escapeHtml(word.slice(a, b))}</mark>`;
			at = b;
		}
		return html + escapeHtml(word.slice(at));
	});
	const text = `${first > start ? '… ' : ''}${shown.join(' ')}${last < end ? ' …' : ''}`;
	return tidyExcerpt(text);
}

/** Close the gap a dropped source citation leaves before punctuation ("for funding ."). */
function tidyExcerpt(html: string): string {
	return html.replace(/\s+(?=[.,;:)](?:\s|<|$))/g, '');
}

/**
 * Everything the page shows for one result. Links carry the searched words for the
 * highlighter. The page-level excerpt is kept when the match is above the first heading or
 * there are no sections to show; otherwise the sections' own excerpts say where it matched.
 * Excerpts are centred on the matched passage when the page's text is available.
 * Browsing by filter alone (no words) shows no excerpts: there is nothing to mark.
 */
export function shapeResult(fragment: PagefindFragment, query: string, terms: string[] = []): ShapedResult {
	const words = query.trim();
	const sections = words ? pickSections(fragment.sub_results) : [];
	const top = fragment.sub_results.find((s) => !s.anchor?.id);
	const matchedAtTop = top ? top.locations.length > 0 : false;
	const raw = fragment.raw_content;
	const anchors = [...(fragment.anchors ?? [])].sort((a, b) => a.location - b.location);
	const rangeOf = (s: PagefindSubResult | undefined): [number, number | undefined] => {
		const at = s?.anchor?.location ?? (s?.anchor ? anchors.find((a) => a.id === s.anchor!.id)?.location : undefined);
		if (at === undefined) return [0, anchors[0]?.location];
		return [at, anchors.find((a) => a.location > at)?.location];
	};
	const excerptOf = (s: PagefindSubResult | undefined, fallback: string) => {
		if (raw && terms.length > 0) {
			const centred = centredExcerpt(raw, terms, ...rangeOf(s));
			if (centred) return centred;
		}
		return safeExcerpt(fallback);
	};
	const excerpt = !words ? '' : sections.length === 0 ? excerptOf(undefined, fragment.excerpt) : matchedAtTop ? excerptOf(top, top!.excerpt) : '';
	return {
		kind: resultKind(fragment),
		title: resultTitle(fragment),
		url: withHighlight(fragment.url, words),
		excerpt,
		sections: sections.map((s) => ({ title: s.title, url: withHighlight(s.url, words), excerpt: excerptOf(s, s.excerpt) })),
	};
}

/** A common question shown above the results, from its search record's meta. */
export interface AnswerCard {
	/** Path of the question on /questions/ (`/questions/#id`), without the base path. */
	url: string;
	question: string;
	answer: string;
	strength?: string | undefined;
	/** `finding`, `not-answered` or `about` (see content/questions/). */
	kind: string;
	readUrl: string;
	readLabel: string;
}

/**
 * Whether a query asks a common question, and which. A query typed as the question is (most
 * words shared, three in four) asks it. Otherwise, among question records near the top of the
 * results, the one whose question and keywords cover most of the query's distinctive terms
 * (not the subject words every question shares, "local infrastructure"): with two or more such
 * terms, at least two covered and three in five; with one, it must be covered and the query
 * asked as a question ("funding?", "what is LCSI"), so a keyword search is never answered for
 * the reader.
 */
/** How alike a query and a question's words must be for the query to be that question typed out. */
export const ASKED_OVERLAP = 0.75;

export function pickAnswer(candidates: { fragment: PagefindFragment; rank: number }[], query: string, terms: string[]): AnswerCard | undefined {
	if (terms.length === 0) return undefined;
	const distinctive = distinctiveTerms(terms);
	let best: { card: AnswerCard; score: number; rank: number } | undefined;
	for (const { fragment, rank } of candidates) {
		const m = fragment.meta;
		// The answer is the record's only text (src/lib/search-index.ts).
		const answer = (fragment.raw_content ?? '').replace(/\s+/g, ' ').trim();
		if (m.type !== 'question' || !m.title || !answer) continue;
		const asked = wordOverlap(query, m.title) >= ASKED_OVERLAP;
		const covered = termsCovered(`${m.title} ${m.keywords ?? ''}`, distinctive);
		const enough = asked || (distinctive.length >= 2 ? covered >= 2 && covered / distinctive.length >= 0.6 : covered === 1 && looksLikeQuestion(query));
		if (!enough) continue;
		const score = (asked ? 100 : 0) + covered;
		if (best && (score < best.score || (score === best.score && rank >= best.rank))) continue;
		best = {
			score,
			rank,
			card: {
				url: fragment.url,
				question: m.title,
				answer,
				strength: m.strength,
				kind: m.kind ?? 'finding',
				readUrl: withHighlight(m.read ?? fragment.url, terms.join(' ')),
				readLabel: m.readLabel ?? '',
			},
		};
	}
	return best?.card;
}

/** The sentence that reports a search's outcome, shown on the page and announced. */
export function statusMessage(count: number, state: SearchState): string {
	const words = state.query.trim();
	const filters = FILTER_NAMES.filter((name) => state.filters[name]).map(
		(name) => `${FILTER_LABELS[name].toLowerCase()}: ${filterValueLabel(name, state.filters[name]!)}`,
	);
	const within = filters.length ? ` (${filters.join('; ')})` : '';
	const results = `${count === 0 ? 'No' : count} ${count === 1 ? 'result' : 'results'}`;
	if (!words) return `${count === 0 ? 'No' : count} ${count === 1 ? 'page matches' : 'pages match'} the filters${within}.`;
	return `${results} for “${words}”${within}.`;
}
