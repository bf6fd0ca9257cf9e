/**
 * What the search index holds, and how much each part counts: the policy the Pagefind
 * indexing hook (src/integrations/pagefind.ts) applies to the built pages. Pure functions over
 * HTML strings, unit-tested without Pagefind.
 *
 * - Furniture stays out: "On this page", Cite this, source notes, badges (the strength is a
 *   filter and meta instead), the theory-of-change drawing, link lists to other findings,
 *   previous/next. Pagefind's `excludeSelectors` applies INDEX_EXCLUDE_SELECTORS to every page.
 * - Answers count more than summaries: each kind of page has a weight (KIND_WEIGHTS) that scales
 *   its text and its headings, so a definition or a finding outranks a report summary that
 *   mentions the same words.
 * - Report summaries are indexed under their short title ("Survey findings"); the GOV.UK title,
 *   which starts with the programme's name every time, stays as plain text.
 * - Each common question becomes a record of its own (question, answer, evidence, where to
 *   read more), built from the /questions/ page's `data-question` sections.
 */
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Pagefind splits its word index into chunks and a search fetches the chunks holding its
 * words. Its default makes three chunks of about 28 KB for this site, so a question of four
 * or five words fetched all of them. Chunks of about 4 KB let a search fetch only what its
 * words need. Set through Pagefind's (unstable, version-pinned) environment variable; a
 * Pagefind that ignores it just writes bigger chunks, which the search benchmark would show.
 */
export const INDEX_CHUNK_SIZE = 2500;

/** Never indexed, on any page (CSS selectors Pagefind understands). */
export const INDEX_EXCLUDE_SELECTORS = [
	'nav',
	'.toc',
	'.cite-this',
	'.source-notes',
	'.note-ref',
	'.anchor-link',
	'.evidence-badge',
	'.related-reports',
	'.finding-aside',
	'.prev-next',
	'.text-fragment-link',
	'figure.toc-diagram',
	'svg',
	'[data-no-index]',
];

/**
 * How much each kind of page counts, relative to ordinary text (1). Questions, definitions and
 * findings answer; lists and report summaries point onwards. `SearchIndexMeta.astro` names the
 * kind of each page in `data-search-index`.
 */
export const KIND_WEIGHTS: Record<string, number> = {
	question: 1.6,
	finding: 1.4,
	definition: 1.4,
	function: 1.1,
	pathway: 0.8,
	page: 0.7,
	list: 0.7,
	report: 0.6,
};

/** Pagefind's own weights for headings (https://pagefind.app/docs/weighting/); ordinary text is 1. */
const HEADING_WEIGHTS: Record<string, number> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };

const round = (n: number) => Math.min(10, Math.max(0.1, Math.round(n * 100) / 100));

function parse(html: string): Root {
	return unified().use(rehypeParse).parse(html);
}
function stringify(tree: Root): string {
	return unified().use(rehypeStringify, { allowDangerousHtml: true }).stringify(tree);
}

function find(tree: Root | Element, test: (e: Element) => boolean): Element | undefined {
	let found: Element | undefined;
	visit(tree, 'element', (e: Element) => {
		if (found) return false;
		if (test(e)) {
			found = e;
			return false;
		}
		return undefined;
	});
	return found;
}

const attr = (e: Element, name: string): string | undefined => {
	const v = e.properties?.[name];
	return v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
};

/** The kind of page, from SearchIndexMeta's marker: `data-search-index="report"` (and `data-search-list` on lists). */
export function pageKind(tree: Root): string | undefined {
	const marker = find(tree, (e) => attr(e, 'dataSearchIndex') !== undefined);
	if (!marker) return undefined;
	return attr(marker, 'dataSearchList') !== undefined ? 'list' : attr(marker, 'dataSearchIndex');
}

/**
 * The HTML Pagefind should index for one built page: weights by kind, and a report summary's
 * short title in place of its GOV.UK title. Pages without `data-pagefind-body` come back unchanged.
 */
export function prepareForIndex(html: string): string {
	if (!html.includes('data-pagefind-body')) return html;
	const tree = parse(html);
	const body = find(tree, (e) => attr(e, 'dataPagefindBody') !== undefined);
	if (!body) return html;
	const marker = find(body, (e) => attr(e, 'dataSearchIndex') !== undefined);
	const kind = pageKind(tree);
	const factor = kind ? (KIND_WEIGHTS[kind] ?? 1) : 1;

	const shortTitle = marker ? attr(marker, 'dataSearchTitle') : undefined;
	if (kind === 'report' && shortTitle) {
		const h1 = find(body, (e) => e.tagName === 'h1');
		if (h1) {
			const fullTitle = toString(h1).trim();
			h1.children = [{ type: 'text', value: shortTitle }];
			// The GOV.UK title stays searchable as plain text (a title pasted from GOV.UK still finds it).
			const p: Element = { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: fullTitle }] };
			insertAfter(body, h1, p);
		}
	}

	if (factor !== 1) {
		body.properties = { ...body.properties, dataPagefindWeight: String(round(factor)) };
		visit(body, 'element', (e: Element) => {
			if (e === body) return;
			const explicit = attr(e, 'dataPagefindWeight');
			const base: number | undefined = explicit !== undefined ? Number(explicit) : HEADING_WEIGHTS[e.tagName];
			if (base !== undefined && Number.isFinite(base)) e.properties = { ...e.properties, dataPagefindWeight: String(round(base * factor)) };
		});
	}
	return stringify(tree);
}

function insertAfter(root: Element, target: Element, node: Element) {
	visit(root, 'element', (e: Element) => {
		const at = e.children.indexOf(target as RootContent as Element);
		if (at === -1) return undefined;
		e.children.splice(at + 1, 0, node);
		return false;
	});
}

/** One common question as search holds it. */
export interface QuestionRecord {
	id: string;
	question: string;
	answer: string;
	kind: string;
	evidence?: string | undefined;
	/** Site path (without the base path) of the first place to read more, with its #section. */
	readPath: string;
	readLabel: string;
	keywords: string;
}

/** The questions of the built /questions/ page (its `data-question` sections), in page order. */
export function extractQuestions(html: string): QuestionRecord[] {
	const tree = parse(html);
	const records: QuestionRecord[] = [];
	visit(tree, 'element', (e: Element) => {
		const id = attr(e, 'dataQuestion');
		if (id === undefined) return undefined;
		const heading = find(e, (h) => h.tagName === 'h3');
		const answer = find(e, (p) => (attr(p, 'className') ?? '').split(' ').includes('question-answer'));
		records.push({
			id,
			question: heading ? toString(heading).trim() : '',
			answer: answer ? toString(answer).replace(/\s+/g, ' ').trim() : '',
			kind: attr(e, 'dataKind') ?? 'finding',
			evidence: attr(e, 'dataEvidence'),
			readPath: attr(e, 'dataReadPath') ?? '',
			readLabel: attr(e, 'dataReadLabel') ?? '',
			keywords: attr(e, 'dataKeywords') ?? '',
		});
		return 'skip';
	});
	return records;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A question as a page of its own for Pagefind, kept lean (every word indexed is bytes a first
 * search may fetch): the question is the record's title, which Pagefind weights five times
 * body text, the reader's other words for it a meta field of their own, and the answer the
 * record's only text (the answer box reads it back from there). Meta also carries where to
 * read more and the evidence level, which is a filter too. Its type, `question`, is the filter
 * the search page uses to keep questions out of the result list (they are answered above it)
 * and to look for the question a query asks. The question itself is a filter value as well:
 * every search brings the filter values along (a few hundred bytes), so the search page can
 * recognise a question typed word for word without fetching every record.
 */
export function questionRecordHtml(q: QuestionRecord, lang = 'en-GB'): string {
	const meta: Record<string, string | undefined> = {
		type: 'question',
		title: q.question,
		keywords: q.keywords,
		kind: q.kind,
		strength: q.evidence,
		read: q.readPath,
		readLabel: q.readLabel,
	};
	const metaSpans = Object.entries(meta)
		.filter(([, v]) => v)
		.map(([k, v]) => `<span data-pagefind-meta="${k}[data-value]" data-value="${escape(v!)}"></span>`)
		.join('');
	const filters = [['type', 'question'], ['question', q.question], ...(q.evidence ? [['strength', q.evidence]] : [])]
		.map(([k, v]) => `<span data-pagefind-filter="${k}[data-value]" data-value="${escape(v!)}"></span>`)
		.join('');
	return [
		`<!doctype html><html lang="${lang}"><head><title>${escape(q.question)}</title></head><body>`,
		`<main data-pagefind-body data-pagefind-weight="${round(KIND_WEIGHTS.question ?? 1)}"><div hidden>${metaSpans}${filters}</div>`,
		`<p>${escape(q.answer)}</p>`,
		`</main></body></html>`,
	].join('');
}
