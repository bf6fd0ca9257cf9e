/**
 * Turning Pagefind's result data into what the search page shows: what each result is
 * ("Finding 6 · Moderate evidence", "Report summary"), its title, a safe excerpt with the
 * matched words marked, and up to three matching sections linked by heading id.
 * Pure functions, so the rules are unit-tested without a browser.
 */
import { FILTER_NAMES, type SearchState, withHighlight } from './search-url.ts';

/** The parts of Pagefind's result data used here (see pagefind_web_js/types/index.d.ts). */
export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	locations: number[];
	weighted_locations?: { balanced_score: number }[];
	anchor?: { id: string; element: string };
}

export interface PagefindFragment {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
	sub_results: PagefindSubResult[];
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
export const SEARCH_MARKS = { start: 'lcsi-search:start', rendered: 'lcsi-search:rendered' } as const;

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

/** Labels for the filter controls. */
export const FILTER_LABELS: Record<(typeof FILTER_NAMES)[number], string> = {
	type: 'Type',
	function: 'Function',
	pathway: 'Pathway',
	report: 'Report',
};

/** The label for one filter value: content types get their plural label, other values are names already. */
export function filterValueLabel(name: string, value: string): string {
	return name === 'type' ? (TYPE_LABELS[value] ?? value) : value;
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

/**
 * Everything the page shows for one result. Links carry the searched words for the
 * highlighter. The page-level excerpt is kept when the match is above the first heading or
 * there are no sections to show; otherwise the sections' own excerpts say where it matched.
 * Browsing by filter alone (no words) shows no excerpts: there is nothing to mark.
 */
export function shapeResult(fragment: PagefindFragment, query: string): ShapedResult {
	const words = query.trim();
	const sections = words ? pickSections(fragment.sub_results) : [];
	const top = fragment.sub_results.find((s) => !s.anchor?.id);
	const matchedAtTop = top ? top.locations.length > 0 : false;
	const excerpt = !words ? '' : sections.length === 0 ? fragment.excerpt : matchedAtTop ? top!.excerpt : '';
	return {
		kind: resultKind(fragment),
		title: resultTitle(fragment),
		url: withHighlight(fragment.url, words),
		excerpt: safeExcerpt(excerpt),
		sections: sections.map((s) => ({ title: s.title, url: withHighlight(s.url, words), excerpt: safeExcerpt(s.excerpt) })),
	};
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
