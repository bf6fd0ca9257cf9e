/**
 * The evidence itself: counts, references, required sections, word minimums, citations and
 * (as a guard against invented figures) that every number in the prose appears in a source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SOURCE_FILES, numbersIn, readSourceNumbers } from '../../scripts/lib/source-numbers.ts';
import { headingsOf, proseOf, readMdx, readYaml, wordCount } from '../support/content-files.ts';

const findings = readMdx('findings');
const reports = readMdx('reports');
const functions = readMdx('functions');
const pages = readMdx('pages');
const glossary = readYaml<{ id: string; term: string; aka?: string[]; sources: { ref: string }[] }[]>('glossary.yaml');
const toc = readYaml<{ nodes: { id: string; stage: string }[]; edges: { from: string; to: string }[] }>('theory-of-change.yaml');
const pathwayIds = new Set(toc.nodes.filter((n) => n.stage === 'pathway').map((n) => n.id));
const registry = readYaml<{ id: string; url?: string }[]>('sources.yaml');
const sourceRefs = new Set(registry.map((s) => s.id));

describe('counts', () => {
	test('twelve findings numbered 1 to 12 with no gaps or repeats', () => {
		expect(findings.map((f) => f.data.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
	});
	test('six reports, each with its own gov.uk URL in the source registry', () => {
		expect(reports).toHaveLength(6);
		const urls = reports.map((r) => registry.find((s) => s.id === r.id)?.url);
		for (const [i, url] of urls.entries()) expect(url, reports[i]!.path).toMatch(/^https:\/\/www\.gov\.uk\/government\/publications\/local-civil-society-infrastructure-lcsi-rd-programme-final-reports\/[a-z0-9-]+$/);
		expect(new Set(urls).size).toBe(6);
	});
	test('five functions', () => {
		expect(functions.map((f) => f.id).sort()).toEqual(['advocacy', 'community-participation-and-volunteering', 'convening', 'facilitating-funding', 'organisational-development']);
	});
	test('at least twenty glossary terms, each with a unique anchor id', () => {
		expect(glossary.length).toBeGreaterThanOrEqual(20);
		expect(new Set(glossary.map((t) => t.id)).size).toBe(glossary.length);
	});
	test('the prose pages the site needs exist', () => {
		expect(pages.map((p) => p.id).sort()).toEqual(['about', 'briefing', 'definitions', 'evidence', 'home']);
	});
});

describe.each(findings.map((f) => [`finding ${f.data.number}`, f] as const))('%s', (_, f) => {
	test('its sources and related reports exist, and it has at least one pathway or function', () => {
		for (const id of f.data.sources) expect(['navca', ...reports.map((x) => x.id)]).toContain(id);
		for (const r of f.data.relatedReports ?? []) expect(reports.map((x) => x.id)).toContain(r.id);
		expect((f.data.pathways ?? []).length + (f.data.functions ?? []).length).toBeGreaterThan(0);
		for (const p of f.data.pathways ?? []) expect(pathwayIds.has(p), p).toBe(true);
	});
	test('has the body sections of the content model', () => {
		expect(headingsOf(f.body)).toEqual(['What the research found', 'The evidence behind it', 'What it means', 'Questions to take further']);
		expect(headingsOf(f.body, 3)).toEqual(['For NAVCA members', 'For trustees', 'For campaigners']);
	});
	test('has at least 300 words of substance', () => {
		expect(wordCount(proseOf(f.body))).toBeGreaterThanOrEqual(300);
	});
	test('cites its sources in the body', () => {
		expect((f.body.match(/<Source /g) ?? []).length).toBeGreaterThanOrEqual(5);
	});
});

// The link to each report's original on GOV.UK is checked on the built page (tests/browser/cite.test.ts).
test('every report summary has the sections of the content model', () => {
	for (const r of reports) {
		expect(headingsOf(r.body), r.path).toEqual(['Why it was done', 'How it was done', 'Key findings', 'Limitations', 'Where it feeds the headline findings']);
	}
});

test('every citation names a known source', () => {
	for (const file of [...findings, ...reports, ...functions, ...pages]) {
		for (const m of file.body.matchAll(/<Source\s+ref="([^"]+)"/g)) expect(sourceRefs.has(m[1]!), `${file.path}: <Source ref="${m[1]}">`).toBe(true);
	}
	for (const t of glossary) for (const s of t.sources) expect(sourceRefs.has(s.ref), `glossary ${t.id}`).toBe(true);
});

/**
 * A guard against invented figures: every number written anywhere a reader sees it (MDX
 * prose, front matter such as statements, summaries, evidence rationales and titles, the
 * glossary and the theory of change) must appear somewhere in the source material (NAVCA's
 * briefing or the facts gathered from the reports), as listed in
 * tests/fixtures/source-numbers.txt. Numbers spelled out in words count ("seventy-three per
 * cent" is 73). Finding numbers, work-package and section numbers are references, not figures,
 * and are allowed. (provenance.test.ts goes further for prose: a number must be in the
 * passage that the citation after it names.)
 */
/** Keys whose values are ids, references or dates (`updated`, `published`), not claims. */
const NOT_PROSE = new Set(['id', 'ref', 'section', 'slug', 'related', 'relatedReports', 'sources', 'functions', 'pathways', 'themes', 'seeAlso', 'from', 'to', 'stage', 'function', 'basis', 'url', 'tagBasis', 'strength', 'updated', 'published']);

/** Every string in a YAML value with where it is ("evidence.rationale", "nodes[3].description"), skipping NOT_PROSE keys. */
function textFields(value: unknown, where = ''): [string, string][] {
	if (typeof value === 'string') return [[where, value]];
	if (Array.isArray(value)) return value.flatMap((v, i) => textFields(v, `${where}[${i}]`));
	if (value && typeof value === 'object' && !(value instanceof Date))
		return Object.entries(value).flatMap(([k, v]) => (NOT_PROSE.has(k) ? [] : textFields(v, where ? `${where}.${k}` : k)));
	return [];
}

/** The numbers in a text that are figures, not references or this site's own dates. */
function figuresIn(text: string): string[] {
	const stripped = text
		// references rather than figures: "finding 5", "findings 1 and 4", "WP6", "section 1.2", "Case study A"
		.replace(/\b(?:findings?|headlines?|WP|work package|sections?|§|RQ|research question)\s*\d+(?:(?:,\s*|\s+(?:and|to|–|-)\s+|–|-)\d+)*/gi, ' ')
		// standards and this site's own dates, not research figures: "Licence v3.0", "WCAG 2.2", "25 November 2026"
		.replace(/\bv\d+(?:\.\d+)*|\bWCAG \d+(?:\.\d+)*|\b(?:\d{1,2} \w+ )?2026\b/g, ' ');
	return [...numbersIn(stripped)];
}

test('every number in the prose, front matter, glossary and theory of change appears in the sources', () => {
	const sourceNumbers = readSourceNumbers();
	const places: [string, string][] = [
		...[...findings, ...reports, ...functions, ...pages].flatMap((file) => [
			[file.path, proseOf(file.body)] as [string, string],
			...textFields(file.data).map(([key, text]) => [`${file.path} (${key})`, text] as [string, string]),
		]),
		...glossary.flatMap((t) => textFields(t).map(([key, text]) => [`content/glossary.yaml term "${t.id}" (${key})`, text] as [string, string])),
		...toc.nodes.flatMap((n) => textFields(n).map(([key, text]) => [`content/theory-of-change.yaml node "${n.id}" (${key})`, text] as [string, string])),
		...toc.edges.flatMap((e) => textFields(e).map(([key, text]) => [`content/theory-of-change.yaml edge "${e.from} → ${e.to}" (${key})`, text] as [string, string])),
	];
	expect(places.length).toBeGreaterThan(200);
	const problems = places.flatMap(([where, text]) => figuresIn(text).filter((n) => !sourceNumbers.has(n)).map((n) => `${where}: ${n}`));
	expect(problems).toEqual([]);
});

// The sources live outside the repository (../shared/); where they are present, the list the
// guard above uses must be exactly the numbers they contain, so nobody can widen it by hand.
test.skipIf(!SOURCE_FILES.every((f) => existsSync(f)))('the list of source numbers matches the sources', () => {
	const fromSources = numbersIn(SOURCE_FILES.map((f) => readFileSync(f, 'utf8')).join('\n'));
	expect([...readSourceNumbers()].sort()).toEqual([...fromSources].sort());
});
