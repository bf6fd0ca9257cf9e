/**
 * The evidence map as data: how a source relates to a finding (from the provenance fields
 * only), the rows and totals for the real twelve findings, the filters and their place in the
 * address, and the D3-drawn marks (a different shape for each kind of support).
 */
import { describe, expect, test } from 'vitest';
import {
	NO_FILTERS,
	SUPPORT_TEXT,
	columnTotals,
	countText,
	evidenceMatrix,
	filtersFromSearch,
	matchesMapFilters,
	searchForFilters,
	supportOf,
} from '../../src/lib/diagram/evidence-map.ts';
import { countRadius, supportMark } from '../../src/lib/diagram/marks.ts';
import { readMdx } from '../support/content-files.ts';

describe('supportOf', () => {
	const finding = { number: 1, sources: ['navca', 'evidence-review'], relatedReports: [{ id: 'survey-findings', section: 'key-findings' }, { id: 'what-works' }] };

	test('a source in `sources` states it; a report in `relatedReports` bears on it; anything else is not linked', () => {
		expect(supportOf(finding, 'navca')).toEqual({ source: 'navca', support: 'states' });
		expect(supportOf(finding, 'evidence-review').support).toBe('states');
		expect(supportOf(finding, 'survey-findings')).toEqual({ source: 'survey-findings', support: 'bears', section: 'key-findings' });
		expect(supportOf(finding, 'what-works')).toEqual({ source: 'what-works', support: 'bears', section: undefined });
		expect(supportOf(finding, 'final-research-report')).toEqual({ source: 'final-research-report', support: 'none' });
	});

	test('listed both ways, it counts as stating it', () => {
		expect(supportOf({ number: 2, sources: ['navca', 'x'], relatedReports: [{ id: 'x' }] }, 'x').support).toBe('states');
	});

	test('every kind of cell has words of its own', () => {
		expect(new Set(Object.values(SUPPORT_TEXT)).size).toBe(3);
		for (const text of Object.values(SUPPORT_TEXT)) expect(text.length).toBeGreaterThan(3);
	});
});

describe('the real twelve findings', () => {
	const findings = readMdx('findings')
		.map((f) => f.data)
		.sort((a, b) => a.number - b.number)
		.map((d) => ({ number: d.number as number, sources: d.sources as string[], relatedReports: (d.relatedReports ?? []) as { id: string; section?: string }[] }));
	const sources = ['navca', 'final-research-report', 'case-study-synthesis', 'what-works', 'evidence-review', 'secondary-data-analysis', 'survey-findings'];
	const rows = evidenceMatrix(findings, sources);

	test('one row per finding, one cell per source, NAVCA’s briefing stating all twelve', () => {
		expect(rows.map((r) => r.finding.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		for (const r of rows) {
			expect(r.cells.map((c) => c.source)).toEqual(sources);
			expect(r.cells[0]!.support).toBe('states');
		}
	});

	test('each cell repeats the provenance fields, and nothing more', () => {
		for (const { finding, cells } of rows) {
			for (const c of cells) {
				const expected = finding.sources.includes(c.source) ? 'states' : finding.relatedReports.some((r) => r.id === c.source) ? 'bears' : 'none';
				expect(c.support, `finding ${finding.number}, ${c.source}`).toBe(expected);
			}
		}
	});

	test('column totals count the rows', () => {
		const totals = columnTotals(rows, sources);
		expect(totals.navca).toEqual({ states: 12, bears: 0, none: 0 });
		for (const s of sources) expect(totals[s]!.states + totals[s]!.bears + totals[s]!.none).toBe(12);
		expect(columnTotals(rows.slice(0, 1), sources).navca!.states).toBe(1);
	});
});

describe('filters', () => {
	const tags = { functions: ['convening', 'advocacy'], pathways: ['pathway-improved-policy-making'], level: 'moderate' };
	const allowed = { function: ['', 'convening', 'advocacy'], pathway: ['', 'pathway-improved-policy-making'], level: ['', 'strong', 'moderate'] };

	test('a row matches when it has every chosen tag; no filter matches everything', () => {
		expect(matchesMapFilters(tags, NO_FILTERS)).toBe(true);
		expect(matchesMapFilters(tags, { ...NO_FILTERS, function: 'convening' })).toBe(true);
		expect(matchesMapFilters(tags, { ...NO_FILTERS, function: 'facilitating-funding' })).toBe(false);
		expect(matchesMapFilters(tags, { function: 'advocacy', pathway: 'pathway-improved-policy-making', level: 'moderate' })).toBe(true);
		expect(matchesMapFilters(tags, { ...NO_FILTERS, level: 'strong' })).toBe(false);
	});

	test('the address round-trips, keeps other parameters, and drops values it does not know', () => {
		const chosen = { function: 'advocacy', pathway: '', level: 'strong' };
		const search = searchForFilters('?q=x', chosen);
		expect(search).toBe('?q=x&function=advocacy&level=strong');
		expect(filtersFromSearch(search, allowed)).toEqual(chosen);
		expect(searchForFilters(search, NO_FILTERS)).toBe('?q=x');
		expect(filtersFromSearch('?function=nonsense&level=moderate', allowed)).toEqual({ function: '', pathway: '', level: 'moderate' });
	});

	test('the count says how many are shown', () => {
		expect(countText(12, 12)).toBe('Showing all 12 findings');
		expect(countText(3, 12)).toBe('Showing 3 of 12 findings');
		expect(countText(0, 12)).toMatch(/^No finding matches/);
	});
});

describe('marks', () => {
	test('each kind of support has its own shape: filled, outlined, or a dash', () => {
		const marks = (['states', 'bears', 'none'] as const).map(supportMark);
		expect(new Set(marks.map((m) => m.d)).size).toBe(3);
		expect(marks.map((m) => m.filled)).toEqual([true, false, false]);
		for (const m of marks) expect(m.d).toMatch(/^M[-\d.,]+/);
	});

	test('circle area grows in proportion to the count', () => {
		expect(countRadius(0, 4)).toBe(0);
		expect(countRadius(4, 4)).toBe(9);
		const [r1, r4] = [countRadius(1, 4), countRadius(4, 4)];
		expect((r4 / r1) ** 2).toBeCloseTo(4, 1);
		expect(countRadius(3, 4)).toBeGreaterThan(countRadius(2, 4));
	});
});
