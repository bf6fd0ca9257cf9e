/**
 * Cross-entry checks that Zod cannot make on one entry alone: every reference points at an
 * entry that exists, finding numbers are unique, the theory of change is a proper graph.
 * Pure: takes plain entries, returns problems as "file: field: what is wrong" lines.
 */

import type { Citation } from './sources.ts';

interface Entry<T> {
	id: string;
	filePath?: string | undefined;
	data: T;
}
interface Ref {
	id: string;
}
type SourceRef = Citation;

export interface IntegrityInput {
	findings: Entry<{
		number: number;
		headline: string;
		evidence?: { strength: string };
		functions: Ref[];
		pathways: string[];
		sources: string[];
		relatedReports: { id: Ref; section?: string | undefined }[];
		related: Ref[];
	}>[];
	reports: Entry<unknown>[];
	functions: Entry<unknown>[];
	glossary: Entry<{ seeAlso: Ref[]; sources: SourceRef[] }>[];
	tocNodes: Entry<{ stage: string; function?: Ref | undefined; sources: SourceRef[] }>[];
	tocEdges: Entry<{ from: string; to: string; sources: SourceRef[] }>[];
	/** Heading ids on each report's summary page, to check `relatedReports[].section`. */
	reportHeadings?: Map<string, Set<string>>;
	/**
	 * Checks one citation against the source registry (content/sources.yaml) and returns its
	 * problems; without it only report ids, `navca` and `usage` are accepted.
	 */
	checkCitation?: (c: SourceRef) => string[];
	/** Every report needs an entry in the registry for its title and address. */
	registryIds?: Set<string>;
	/** Common questions (content/questions/); checked when given. */
	questions?: Entry<QuestionData>[];
	/** Prose pages (content/pages/), which questions may link to. */
	pages?: Entry<unknown>[];
	/** Heading ids on each finding's page (its MDX headings), to check question links. */
	findingHeadings?: Map<string, Set<string>>;
	/** Heading ids on each prose page, to check question links. */
	pageHeadings?: Map<string, Set<string>>;
}

type QuestionLink = { finding: Ref; section: string } | { page: Ref; section: string };
export interface QuestionData {
	question: string;
	answer: string;
	kind: 'finding' | 'not-answered' | 'about';
	evidence?: string | undefined;
	links: QuestionLink[];
	navca?: { section: string; quote: string } | undefined;
}

/** The finding scale, weakest to strongest, for "no stronger than its finding". Mixed findings have firmer and weaker parts, so they rank with moderate. */
const STRENGTH_RANK: Record<string, number> = { emerging: 1, mixed: 2, moderate: 2, strong: 3 };

/** Sentences of an answer: split after . ! or ? followed by a space and a capital or a quotation mark. */
export function sentences(text: string): string[] {
	return text
		.trim()
		.split(/(?<=[.!?]["”’]?)\s+(?=["“‘A-Z])/)
		.filter(Boolean);
}
/** The longest sentence a question's answer may have (content rule: sentences under 30 words). */
export const MAX_ANSWER_SENTENCE_WORDS = 29;

export function checkIntegrity(input: IntegrityInput): string[] {
	const problems: string[] = [];
	const file = (e: Entry<unknown>, fallback: string) => e.filePath ?? fallback;
	const ids = (list: Entry<unknown>[]) => new Set(list.map((e) => e.id));
	const reportIds = ids(input.reports);
	const functionIds = ids(input.functions);
	const findingIds = ids(input.findings);
	const glossaryIds = ids(input.glossary);
	const nodeById = new Map(input.tocNodes.map((n) => [n.id, n]));
	const sourceIds = new Set<string>([...reportIds, 'navca', 'usage']);
	const checkCitation =
		input.checkCitation ?? ((s: SourceRef) => (sourceIds.has(s.ref) ? [] : [`"${s.ref}" is not a report id, "navca" or "usage"`]));

	const checkSources = (where: string, sources: SourceRef[]) =>
		sources.forEach((s, i) => {
			for (const p of checkCitation(s)) problems.push(`${where}: sources[${i}]: ${p}`);
		});

	if (input.registryIds)
		for (const r of input.reports)
			if (!input.registryIds.has(r.id)) problems.push(`${file(r, `reports/${r.id}`)}: id: report "${r.id}" has no entry in content/sources.yaml (its title and address live there)`);

	// Findings
	const byNumber = new Map<number, string>();
	for (const f of input.findings) {
		const where = file(f, `findings/${f.id}`);
		const other = byNumber.get(f.data.number);
		if (other) problems.push(`${where}: number: ${f.data.number} is already used by ${other}`);
		else byNumber.set(f.data.number, where);
		f.data.functions.forEach((r, i) => {
			if (!functionIds.has(r.id)) problems.push(`${where}: functions[${i}]: function "${r.id}" does not exist`);
		});
		f.data.pathways.forEach((p, i) => {
			const node = nodeById.get(p);
			if (!node) problems.push(`${where}: pathways[${i}]: theory-of-change node "${p}" does not exist`);
			else if (node.data.stage !== 'pathway') problems.push(`${where}: pathways[${i}]: node "${p}" is in the ${node.data.stage} stage, not pathway`);
		});
		for (const p of checkCitation({ ref: 'navca', section: 'headlines', quote: f.data.headline })) problems.push(`${where}: headline: ${p}`);
		// A headline finding's source is NAVCA's briefing, first; a report joins it only where the
		// report itself states the finding, and then it is not also a "related" report.
		if (f.data.sources[0] !== 'navca') problems.push(`${where}: sources[0]: must be navca (NAVCA's briefing states every headline)`);
		f.data.sources.forEach((id, i) => {
			if (id !== 'navca' && !reportIds.has(id)) problems.push(`${where}: sources[${i}]: report "${id}" does not exist`);
			if (f.data.sources.indexOf(id) !== i) problems.push(`${where}: sources[${i}]: "${id}" is listed twice`);
		});
		f.data.relatedReports.forEach((r, i) => {
			if (!reportIds.has(r.id.id)) problems.push(`${where}: relatedReports[${i}].id: report "${r.id.id}" does not exist`);
			else if (r.section && input.reportHeadings && !input.reportHeadings.get(r.id.id)?.has(r.section))
				problems.push(`${where}: relatedReports[${i}].section: report "${r.id.id}" has no section "#${r.section}"`);
			if (f.data.sources.includes(r.id.id)) problems.push(`${where}: relatedReports[${i}].id: "${r.id.id}" is already a source of this finding`);
		});
		f.data.related.forEach((r, i) => {
			if (!findingIds.has(r.id)) problems.push(`${where}: related[${i}]: finding "${r.id}" does not exist`);
			if (r.id === f.id) problems.push(`${where}: related[${i}]: a finding cannot be related to itself`);
		});
	}

	// Glossary
	for (const g of input.glossary) {
		const where = `${file(g, 'glossary.yaml')}: term "${g.id}"`;
		g.data.seeAlso.forEach((r, i) => {
			if (!glossaryIds.has(r.id)) problems.push(`${where}: seeAlso[${i}]: term "${r.id}" does not exist`);
		});
		checkSources(where, g.data.sources);
	}

	// Theory of change
	for (const n of input.tocNodes) {
		const where = `${file(n, 'theory-of-change.yaml')}: node "${n.id}"`;
		if (n.data.function && !functionIds.has(n.data.function.id))
			problems.push(`${where}: function: function "${n.data.function.id}" does not exist`);
		if (n.data.stage === 'activity' && !n.data.function) problems.push(`${where}: function: an activity must name its function`);
		checkSources(where, n.data.sources);
	}
	const stageOrder = ['activity', 'outcome', 'pathway', 'impact'];
	for (const e of input.tocEdges) {
		const where = `${file(e, 'theory-of-change.yaml')}: edge "${e.data.from} → ${e.data.to}"`;
		const from = nodeById.get(e.data.from);
		const to = nodeById.get(e.data.to);
		if (!from) problems.push(`${where}: from: node "${e.data.from}" does not exist`);
		if (!to) problems.push(`${where}: to: node "${e.data.to}" does not exist`);
		// Links run forward through the stages (an outcome may feed another outcome), so the graph has no cycles.
		if (from && to && stageOrder.indexOf(to.data.stage) < stageOrder.indexOf(from.data.stage))
			problems.push(`${where}: to: links must run forward (${from.data.stage} → ${to.data.stage} runs backwards)`);
		checkSources(where, e.data.sources);
	}
	// Common questions
	if (input.questions) problems.push(...checkQuestions(input, findingIds, checkCitation));

	const tocFile = input.tocEdges[0] ? file(input.tocEdges[0], 'theory-of-change.yaml') : 'theory-of-change.yaml';
	problems.push(...cycles(input.tocEdges).map((c) => `${tocFile}: edges: cycle ${c.join(' → ')}`));
	return problems;
}

function checkQuestions(input: IntegrityInput, findingIds: Set<string>, checkCitation: (c: SourceRef) => string[]): string[] {
	const problems: string[] = [];
	const pageIds = new Set((input.pages ?? []).map((p) => p.id));
	const strengthOf = new Map(input.findings.map((f) => [f.id, f.data.evidence?.strength]));
	const seen = new Map<string, string>();
	for (const q of input.questions ?? []) {
		const where = q.filePath ?? `questions/${q.id}.yaml`;
		const d = q.data;
		const key = d.question.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
		if (seen.has(key)) problems.push(`${where}: question: the same question is asked in ${seen.get(key)}`);
		else seen.set(key, where);

		const said = sentences(d.answer);
		if (said.length > 2) problems.push(`${where}: answer: ${said.length} sentences; an answer has one or two`);
		for (const sentence of said) {
			const words = sentence.split(/\s+/).length;
			if (words > MAX_ANSWER_SENTENCE_WORDS) problems.push(`${where}: answer: a sentence of ${words} words (under 30, please): "${sentence}"`);
		}

		if (d.kind === 'finding' && !d.evidence) problems.push(`${where}: evidence: an answer from the findings needs its evidence level`);
		if (d.kind !== 'finding' && d.evidence) problems.push(`${where}: evidence: a "${d.kind}" question has no evidence level; remove it or set kind: finding`);
		if (d.kind === 'finding' && !d.links.some((l) => 'finding' in l)) problems.push(`${where}: links: an answer from the findings links to at least one finding`);

		const linkedRanks: number[] = [];
		d.links.forEach((link, i) => {
			if ('finding' in link) {
				const id = link.finding.id;
				if (!findingIds.has(id)) return problems.push(`${where}: links[${i}].finding: finding "${id}" does not exist`);
				const strength = strengthOf.get(id);
				if (strength) linkedRanks.push(STRENGTH_RANK[strength] ?? 0);
				const headings = input.findingHeadings?.get(id);
				if (headings && !headings.has(link.section)) problems.push(`${where}: links[${i}].section: finding "${id}" has no section "#${link.section}" (it has: ${[...headings].join(', ')})`);
			} else {
				const id = link.page.id;
				if (input.pages && !pageIds.has(id)) return problems.push(`${where}: links[${i}].page: page "${id}" does not exist`);
				const headings = input.pageHeadings?.get(id);
				if (headings && !headings.has(link.section)) problems.push(`${where}: links[${i}].section: page "${id}" has no section "#${link.section}" (it has: ${[...headings].join(', ')})`);
			}
			return undefined;
		});
		// An answer cannot claim firmer evidence than the findings it rests on.
		if (d.evidence && linkedRanks.length > 0 && (STRENGTH_RANK[d.evidence] ?? 0) > Math.max(...linkedRanks))
			problems.push(`${where}: evidence: "${d.evidence}" is stronger than any finding it links to`);

		if (d.navca) for (const p of checkCitation({ ref: 'navca', section: d.navca.section, quote: d.navca.quote })) problems.push(`${where}: navca: ${p}`);
	}
	return problems;
}

/** Cycles among edges (depth-first search); the layered diagram needs an acyclic graph. */
function cycles(edges: Entry<{ from: string; to: string }>[]): string[][] {
	const next = new Map<string, string[]>();
	for (const e of edges) next.set(e.data.from, [...(next.get(e.data.from) ?? []), e.data.to]);
	const state = new Map<string, 'open' | 'done'>();
	const found: string[][] = [];
	const visit = (id: string, path: string[]) => {
		if (state.get(id) === 'done') return;
		if (state.get(id) === 'open') {
			found.push([...path.slice(path.indexOf(id)), id]);
			return;
		}
		state.set(id, 'open');
		for (const to of next.get(id) ?? []) visit(to, [...path, id]);
		state.set(id, 'done');
	};
	for (const id of next.keys()) visit(id, []);
	return found;
}

/**
 * The error a build stops with. Astro prints `message`, then `hint`, then `loc.file` as the
 * "Location:"; without `loc` it would name the Astro module that called getStaticPaths, which
 * sends an author to the wrong place. The location is the file of the first problem.
 */
export class ContentIntegrityError extends Error {
	readonly problems: string[];
	readonly loc: { file: string };
	readonly hint = 'Each line names the file, then the field, then what is wrong. content/README.md describes every field.';
	constructor(problems: string[]) {
		super(`Content integrity check failed (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n  - ${problems.join('\n  - ')}`);
		this.name = 'ContentIntegrityError';
		this.problems = problems;
		this.loc = { file: problems[0]?.split(': ')[0] ?? 'content' };
	}
}

/** Throw one error listing every problem, so an author fixes them in one pass. */
export function assertIntegrity(input: IntegrityInput): void {
	const problems = checkIntegrity(input);
	if (problems.length) throw new ContentIntegrityError(problems);
}
