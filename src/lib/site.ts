/**
 * The one way pages read content: every collection, checked for integrity once per build,
 * sorted, with lookups and URL helpers. A broken reference stops the build here with a
 * message naming the file and the field.
 */
import { type CollectionEntry, getCollection, render } from 'astro:content';
import { questionGroups } from '../content.config.ts';
import { contentDir } from './contentDir.ts';
import { assertIntegrity } from './integrity.ts';
import { loadSourceRegistry, type SourceEntry, type SourceRegistry } from './sources.ts';

export type Finding = CollectionEntry<'findings'>;
type ReportEntry = CollectionEntry<'reports'>;
/** A report summary with its exact GOV.UK title and address from the source registry. */
export type Report = ReportEntry & { data: ReportEntry['data'] & { title: string; url: string } };
export type LcsiFunction = CollectionEntry<'functions'>;
export type GlossaryTerm = CollectionEntry<'glossary'>;
export type TocNode = CollectionEntry<'tocNodes'>;
export type TocEdge = CollectionEntry<'tocEdges'>;
export type Page = CollectionEntry<'pages'>;
export type Question = CollectionEntry<'questions'>;

export const findingPath = (f: Finding) => `/findings/${f.data.number}-${f.data.slug}/`;
export const findingShortPath = (f: Finding) => `/findings/${f.data.number}/`;
export const reportPath = (r: Report) => `/reports/${r.id}/`;
export const functionPath = (fn: LcsiFunction) => `/functions/${fn.id}/`;
export const glossaryPath = (id: string) => `/definitions/glossary/#${id}`;
export const nodePath = (id: string) => `/pathways/#node-${id}`;
/** Where each prose page (content/pages/) is published. */
export const PAGE_PATHS: Record<string, string> = { home: '/', about: '/about/', evidence: '/about/evidence/', briefing: '/briefing/', definitions: '/definitions/' };
export const pagePath = (id: string) => {
	const path = PAGE_PATHS[id];
	if (!path) throw new Error(`No route for page "${id}": add it to PAGE_PATHS in src/lib/site.ts`);
	return path;
};
export const questionPath = (q: Pick<Question, 'id'>) => `/questions/#${q.id}`;

export const sourceRegistry = (): SourceRegistry => loadSourceRegistry(contentDir());

function registered(id: string): SourceEntry & { url: string } {
	const entry = sourceRegistry().get(id);
	if (!entry?.url) throw new Error(`content/sources.yaml: source "${id}" is missing or has no url`);
	return entry as SourceEntry & { url: string };
}

/** NAVCA's members' briefing, the source of the twelve headlines (from the registry). */
export const NAVCA_BRIEFING = registered('navca') as SourceEntry & { url: string; published: Date; publisher: string };

export const COLLECTION_URL = registered('collection').url;

export interface Site {
	findings: Finding[];
	reports: Report[];
	functions: LcsiFunction[];
	glossary: GlossaryTerm[];
	tocNodes: TocNode[];
	tocEdges: TocEdge[];
	pages: Page[];
	/** Common questions, in page order (group, then order). */
	questions: Question[];
	finding(id: string): Finding;
	report(id: string): Report;
	fn(id: string): LcsiFunction;
	node(id: string): TocNode;
	page(id: string): Page;
}

let cached: Promise<Site> | undefined;

/** Load and check all content once; every page awaits the same promise. */
export function loadSite(): Promise<Site> {
	cached ??= build();
	return cached;
}

async function build(): Promise<Site> {
	const [findings, reportEntries, functions, glossary, tocNodes, tocEdges, pages, questions] = await Promise.all([
		getCollection('findings'),
		getCollection('reports'),
		getCollection('functions'),
		getCollection('glossary'),
		getCollection('tocNodes'),
		getCollection('tocEdges'),
		getCollection('pages'),
		getCollection('questions'),
	]);
	const registry = sourceRegistry();
	const reports: Report[] = reportEntries.map((r) => {
		const entry = registry.get(r.id);
		return { ...r, data: { ...r.data, title: entry?.title ?? r.id, url: entry?.url ?? '' } };
	});
	const reportHeadings = new Map<string, Set<string>>();
	for (const r of reports) {
		const { headings } = await render(r);
		reportHeadings.set(r.id, new Set(headings.map((h) => h.slug)));
	}
	// Heading ids of findings and prose pages, which common questions link to.
	const slugs = (headings: { slug: string }[]) => new Set(headings.map((h) => h.slug));
	const findingHeadings = new Map(await Promise.all(findings.map(async (f) => [f.id, slugs((await render(f)).headings)] as const)));
	const pageHeadings = new Map(await Promise.all(pages.map(async (p) => [p.id, slugs((await render(p)).headings)] as const)));
	assertIntegrity({
		findings,
		reports,
		functions,
		glossary,
		tocNodes,
		tocEdges,
		reportHeadings,
		questions,
		pages,
		findingHeadings,
		pageHeadings,
		registryIds: new Set(registry.byId.keys()),
		checkCitation: (c) => {
			const r = registry.resolve(c);
			return r.ok ? [] : r.problems;
		},
	});

	findings.sort((a, b) => a.data.number - b.data.number);
	reports.sort((a, b) => a.data.order - b.data.order);
	functions.sort((a, b) => a.data.order - b.data.order);
	const groupOrder = (q: Question) => questionGroups.indexOf(q.data.group);
	questions.sort((a, b) => groupOrder(a) - groupOrder(b) || a.data.order - b.data.order);
	glossary.sort((a, b) => a.data.term.localeCompare(b.data.term, 'en-GB', { sensitivity: 'base' }));

	const lookup = <T extends { id: string }>(list: T[], kind: string) => {
		const map = new Map(list.map((e) => [e.id, e]));
		return (id: string): T => {
			const found = map.get(id);
			if (!found) throw new Error(`No ${kind} with id "${id}"`);
			return found;
		};
	};
	return {
		findings,
		reports,
		functions,
		glossary,
		tocNodes,
		tocEdges,
		pages,
		questions,
		finding: lookup(findings, 'finding'),
		report: lookup(reports, 'report'),
		fn: lookup(functions, 'function'),
		node: lookup(tocNodes, 'theory-of-change node'),
		page: lookup(pages, 'page'),
	};
}
