/**
 * Provenance holds the line: every citation names a real source and section (and, for NAVCA's
 * briefing, real words of that section); a finding's sources are NAVCA's briefing first plus
 * only reports backed by [R]-level support; each finding keeps the strength words of NAVCA's
 * headline; and a number next to a citation is in the passage that citation names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { load } from 'js-yaml';
import { type Citation, loadSourceRegistry, normaliseQuote, sectionText } from '../../src/lib/sources.ts';
import { proseOf, readMdx, readYaml } from '../support/content-files.ts';

const registry = loadSourceRegistry('content');
const findings = readMdx('findings');
const mdx = [...findings, ...readMdx('reports'), ...readMdx('functions'), ...readMdx('pages')];
const glossary = readYaml<{ id: string; sources: Citation[] }[]>('glossary.yaml');
const toc = readYaml<{ nodes: { id: string; sources: Citation[] }[]; edges: { from: string; to: string; sources: Citation[] }[] }>('theory-of-change.yaml');
const hedges = load(readFileSync('tests/fixtures/headline-hedges.yaml', 'utf8')) as Record<number, string[]>;
const support = load(readFileSync('tests/fixtures/report-support.yaml', 'utf8')) as { finding: number; report: string; facts: string }[];
const FACTS = '../shared/research/lcsi-facts.md';
const briefingAvailable = registry.fullText('navca') !== null;

/** `<Source ref=… section=… quote=… />` tags of an MDX body, with their attributes. */
function citationsIn(body: string): Citation[] {
	return [...body.matchAll(/<Source\s+([^>]*?)\/>/g)].map((m) => {
		const attrs = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
		return { ref: attrs.ref ?? '', section: attrs.section, quote: attrs.quote };
	});
}

function problemsOf(c: Citation): string[] {
	const r = registry.resolve(c);
	return r.ok ? [] : r.problems;
}

describe('the source registry', () => {
	test("has NAVCA's briefing with the briefing's ten real headings, and the six reports", () => {
		const navca = registry.get('navca')!;
		const headings = navca.sections.filter((s) => s.heading !== null).map((s) => s.heading);
		expect(headings).toHaveLength(10);
		expect(headings).toContain('What factors and models are effective in strengthening local infrastructure?');
		expect([...registry.byId.values()].filter((s) => s.kind === 'report')).toHaveLength(6);
		for (const s of registry.byId.values()) if (s.kind === 'report') expect(s.url, s.id).toMatch(/^https:\/\/www\.gov\.uk\/government\/publications\/local-civil-society-infrastructure-lcsi-rd-programme-final-reports\/[a-z0-9-]+$/);
	});

	test.skipIf(!briefingAvailable)("every NAVCA heading in the registry is a line of the briefing's text", () => {
		const lines = registry.fullText('navca')!.split('\n').map((l) => l.trim());
		for (const s of registry.get('navca')!.sections) if (s.heading !== null) expect(lines, s.key).toContain(s.heading);
	});

	test('an unknown source key, an unknown section key and a misquote are each rejected by name', () => {
		expect(problemsOf({ ref: 'navcaa' })[0]).toMatch(/unknown source key "navcaa"/);
		expect(problemsOf({ ref: 'navca', section: 'Quality' })[0]).toMatch(/no section key "Quality"/);
		expect(problemsOf({ ref: 'survey-findings', quote: 'anything' })[0]).toMatch(/no full text/);
		if (briefingAvailable) {
			expect(problemsOf({ ref: 'navca', section: 'quality', quote: 'being knowledgeable about the local area' })).toEqual([]);
			// The right words in the wrong section fail too.
			expect(problemsOf({ ref: 'navca', section: 'funding', quote: 'being knowledgeable about the local area' })[0]).toMatch(/quote not found/);
		}
	});
});

describe('citations in content', () => {
	test('every <Source> in MDX names a source and section that exist (and, for NAVCA, words that are there)', () => {
		const problems: string[] = [];
		for (const file of mdx) for (const c of citationsIn(file.body)) for (const p of problemsOf(c)) problems.push(`${file.path}: ${p}`);
		expect(problems).toEqual([]);
	});

	test('every source of a glossary term and theory-of-change step or link exists', () => {
		const problems: string[] = [];
		for (const t of glossary) for (const c of t.sources) for (const p of problemsOf(c)) problems.push(`glossary ${t.id}: ${p}`);
		for (const n of toc.nodes) for (const c of n.sources) for (const p of problemsOf(c)) problems.push(`node ${n.id}: ${p}`);
		for (const e of toc.edges) for (const c of e.sources) for (const p of problemsOf(c)) problems.push(`edge ${e.from} → ${e.to}: ${p}`);
		expect(problems).toEqual([]);
	});

	test("no citation uses a section label that is not one of the source's keys", () => {
		const labels = mdx.flatMap((f) => citationsIn(f.body).filter((c) => c.section && /[A-Z ?]/.test(c.section)).map((c) => `${f.path}: ${c.section}`));
		expect(labels).toEqual([]);
	});
});

describe.each(findings.map((f) => [f.data.number as number, f] as const))('finding %i', (number, f) => {
	test("NAVCA's briefing is its first source, and any report source has [R]-level support", () => {
		expect(f.data.sources[0]).toBe('navca');
		for (const report of f.data.sources.slice(1)) {
			const backed = support.some((s) => s.finding === number && s.report === report);
			expect(backed, `${f.path}: sources lists ${report}, which tests/fixtures/report-support.yaml does not back`).toBe(true);
		}
	});

	test("its statement or summary keeps the strength words of NAVCA's headline", () => {
		const ours = `${f.data.statement} ${f.data.summary}`.toLowerCase().replace(/\s+/g, ' ');
		const phrases = hedges[number] ?? [];
		expect(phrases.length).toBeGreaterThan(0);
		for (const phrase of phrases) expect(ours, `${f.path}: "${phrase}"`).toContain(phrase.toLowerCase());
	});

	test.skipIf(!briefingAvailable)("its headline is NAVCA's headline word for word", () => {
		const headlines = sectionText(registry.fullText('navca')!, registry.get('navca')!, 'headlines')!;
		expect(headlines).toContain(normaliseQuote(f.data.headline));
	});
});

/** Numbers spelled out as words that a claim could carry ("seventy-three per cent", "five areas"). */
const WORD_NUMBERS: Record<string, string> = {
	two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12', thirteen: '13', fifteen: '15', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100',
};
const NUMBER = new RegExp(`\\b(?:\\d+(?:[.,]\\d+)*|(?:${Object.keys(WORD_NUMBERS).join('|')})(?:-\\w+)?)\\b`, 'gi');

/** References, not figures: "finding 5", "WP6", "section 1.2", this site's own dates. */
function withoutReferences(text: string): string {
	return text
		.replace(/\b(?:findings?|headlines?|WP|work package|sections?|§|RQ|research question|note|source)\s*\d+(?:(?:,\s*|\s+(?:and|to|–|-)\s+|–|-)\d+)*/gi, ' ')
		.replace(/\bv\d+(?:\.\d+)*|\bWCAG \d+(?:\.\d+)*|\b(?:\d{1,2} \w+ )?2026\b/g, ' ');
}

/** The text a citation vouches for: NAVCA's named section, or the facts sheet's part on that report. */
function passageScope(c: Citation, facts: string): string | undefined {
	const source = registry.get(c.ref);
	if (!source) return undefined;
	if (source.id === 'navca') {
		const text = registry.fullText('navca')!;
		return c.section ? sectionText(text, source, c.section) : normaliseQuote(text);
	}
	if (source.kind !== 'report') return undefined;
	// The facts sheet's programme overview and the part on this report (its exact title is in the heading's block).
	const parts = facts.split(/\n(?=### )/);
	const own = parts.filter((p) => p.includes(source.url!) || p.includes(source.title));
	const overview = parts.filter((p) => /^### 1\.\d/.test(p));
	return normaliseQuote([...overview, ...own].join('\n'));
}

test.skipIf(!briefingAvailable || !existsSync(FACTS))('a number in a sentence is in the passage that the citation after it names', () => {
	const facts = readFileSync(FACTS, 'utf8');
	const problems: string[] = [];
	for (const file of mdx) {
		for (const paragraph of file.body.split(/\n\s*\n/)) {
			// Walk the paragraph: each number is checked against the next citation in it.
			const tokens = [...paragraph.matchAll(/<Source\s+[^>]*?\/>|[^<]+|</g)].map((m) => m[0]);
			let pending: string[] = [];
			for (const token of tokens) {
				if (token.startsWith('<Source')) {
					const [citation] = citationsIn(token);
					const scope = citation ? passageScope(citation, facts) : undefined;
					if (scope !== undefined) {
						const words = scope.toLowerCase();
						for (const n of pending) {
							const digits = WORD_NUMBERS[n.toLowerCase().split('-')[0]!] ?? n;
							if (!words.includes(n.toLowerCase()) && !new RegExp(`(?<![\\d.,])${digits.replace('.', '\\.')}(?![\\d])`).test(words))
								problems.push(`${file.path}: "${n}" is not in ${citation!.ref}${citation!.section ? `, section ${citation!.section}` : ''}`);
						}
					}
					pending = [];
				} else {
					// A sentence that ends before the next citation is not vouched for by it (the
					// global guard in content.test.ts still checks its numbers).
					const sentences = withoutReferences(proseOf(token)).split(/(?<=[.?!])\s+(?=[A-Z“‘"(])/);
					for (const [i, sentence] of sentences.entries()) {
						if (i > 0) pending = [];
						pending.push(...(sentence.match(NUMBER) ?? []));
					}
				}
			}
		}
	}
	expect(problems).toEqual([]);
});
