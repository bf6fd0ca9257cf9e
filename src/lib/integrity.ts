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
}

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
	const tocFile = input.tocEdges[0] ? file(input.tocEdges[0], 'theory-of-change.yaml') : 'theory-of-change.yaml';
	problems.push(...cycles(input.tocEdges).map((c) => `${tocFile}: edges: cycle ${c.join(' → ')}`));
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
