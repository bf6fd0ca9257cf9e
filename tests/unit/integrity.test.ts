/**
 * The cross-entry content checks: each rule on its own, on a small valid site that one edit
 * breaks, and the error the build stops with. The build tests (tests/build/) prove the same
 * problems stop a real `astro build`; these pin down each message.
 */
import { describe, expect, test } from 'vitest';
import { assertIntegrity, checkIntegrity, ContentIntegrityError, type IntegrityInput } from '../../src/lib/integrity.ts';

const ref = (id: string) => ({ id });
const sources = [{ ref: 'survey' }];

/** A tiny site with one of everything, which passes every check. */
function validSite(): IntegrityInput {
	const finding = (id: string, number: number, related: string[]) => ({
		id,
		filePath: `content/findings/${id}.mdx`,
		data: {
			number,
			headline: 'There is no agreed definition.',
			functions: [ref('convening')],
			pathways: ['pathway-a'],
			sources: ['navca'],
			relatedReports: [{ id: ref('survey'), section: 'key-findings' }],
			related: related.map(ref),
		},
	});
	return {
		findings: [finding('one', 1, ['two']), finding('two', 2, [])],
		reports: [{ id: 'survey', filePath: 'content/reports/survey.mdx', data: {} }],
		functions: [{ id: 'convening', filePath: 'content/functions/convening.mdx', data: {} }],
		glossary: [
			{ id: 'vcse', filePath: 'content/glossary.yaml', data: { seeAlso: [ref('lcsi')], sources } },
			{ id: 'lcsi', filePath: 'content/glossary.yaml', data: { seeAlso: [], sources: [{ ref: 'navca' }] } },
		],
		tocNodes: [
			{ id: 'activity-a', filePath: 'content/theory-of-change.yaml', data: { stage: 'activity', function: ref('convening'), sources } },
			{ id: 'outcome-a', filePath: 'content/theory-of-change.yaml', data: { stage: 'outcome', sources } },
			{ id: 'outcome-b', filePath: 'content/theory-of-change.yaml', data: { stage: 'outcome', sources } },
			{ id: 'pathway-a', filePath: 'content/theory-of-change.yaml', data: { stage: 'pathway', sources } },
		],
		tocEdges: [
			{ id: 'activity-a--outcome-a', filePath: 'content/theory-of-change.yaml', data: { from: 'activity-a', to: 'outcome-a', sources } },
			{ id: 'outcome-a--outcome-b', filePath: 'content/theory-of-change.yaml', data: { from: 'outcome-a', to: 'outcome-b', sources } },
			{ id: 'outcome-b--pathway-a', filePath: 'content/theory-of-change.yaml', data: { from: 'outcome-b', to: 'pathway-a', sources } },
		],
		reportHeadings: new Map([['survey', new Set(['key-findings'])]]),
	};
}

test('a consistent site has no problems', () => {
	expect(checkIntegrity(validSite())).toEqual([]);
	expect(() => assertIntegrity(validSite())).not.toThrow();
});

describe('findings', () => {
	test('a number used twice names both files', () => {
		const site = validSite();
		site.findings[1]!.data.number = 1;
		expect(checkIntegrity(site)).toEqual(['content/findings/two.mdx: number: 1 is already used by content/findings/one.mdx']);
	});

	test('a related report that does not exist', () => {
		const site = validSite();
		site.findings[0]!.data.relatedReports = [{ id: ref('survey') }, { id: ref('no-such-report') }];
		expect(checkIntegrity(site)).toEqual(['content/findings/one.mdx: relatedReports[1].id: report "no-such-report" does not exist']);
	});

	test("NAVCA's briefing must be a finding's first source", () => {
		const site = validSite();
		site.findings[0]!.data.sources = ['survey'];
		site.findings[0]!.data.relatedReports = [];
		expect(checkIntegrity(site)).toEqual(["content/findings/one.mdx: sources[0]: must be navca (NAVCA's briefing states every headline)"]);
	});

	test('a source report that does not exist, or is also listed as related', () => {
		const site = validSite();
		site.findings[0]!.data.sources = ['navca', 'survey', 'no-such-report'];
		expect(checkIntegrity(site)).toEqual([
			'content/findings/one.mdx: sources[2]: report "no-such-report" does not exist',
			'content/findings/one.mdx: relatedReports[0].id: "survey" is already a source of this finding',
		]);
	});

	test('a headline that the citation check rejects names the field', () => {
		const site = validSite();
		site.checkCitation = (c) => (c.quote === 'There is no agreed definition.' ? ['quote not found in NAVCA briefing, section "headlines"'] : []);
		expect(checkIntegrity(site)).toEqual([
			'content/findings/one.mdx: headline: quote not found in NAVCA briefing, section "headlines"',
			'content/findings/two.mdx: headline: quote not found in NAVCA briefing, section "headlines"',
		]);
	});

	test('a report section that is not a heading on the report page', () => {
		const site = validSite();
		site.findings[0]!.data.relatedReports[0]!.section = 'methods';
		expect(checkIntegrity(site)).toEqual(['content/findings/one.mdx: relatedReports[0].section: report "survey" has no section "#methods"']);
	});

	test('a function, a pathway or a related finding that does not exist', () => {
		const site = validSite();
		site.findings[0]!.data.functions = [ref('advocacy')];
		site.findings[0]!.data.pathways = ['pathway-z'];
		site.findings[0]!.data.related = [ref('three')];
		expect(checkIntegrity(site)).toEqual([
			'content/findings/one.mdx: functions[0]: function "advocacy" does not exist',
			'content/findings/one.mdx: pathways[0]: theory-of-change node "pathway-z" does not exist',
			'content/findings/one.mdx: related[0]: finding "three" does not exist',
		]);
	});

	test('a pathway that names a node of another stage', () => {
		const site = validSite();
		site.findings[1]!.data.pathways = ['outcome-a'];
		expect(checkIntegrity(site)).toEqual(['content/findings/two.mdx: pathways[0]: node "outcome-a" is in the outcome stage, not pathway']);
	});

	test('a finding related to itself', () => {
		const site = validSite();
		site.findings[1]!.data.related = [ref('two')];
		expect(checkIntegrity(site)).toEqual(['content/findings/two.mdx: related[0]: a finding cannot be related to itself']);
	});
});

describe('glossary', () => {
	test('a see-also term or a source that does not exist', () => {
		const site = validSite();
		site.glossary[0]!.data.seeAlso = [ref('cvs')];
		site.glossary[1]!.data.sources = [{ ref: 'wikipedia' }];
		expect(checkIntegrity(site)).toEqual([
			'content/glossary.yaml: term "vcse": seeAlso[0]: term "cvs" does not exist',
			'content/glossary.yaml: term "lcsi": sources[0]: "wikipedia" is not a report id, "navca" or "usage"',
		]);
	});
});

describe('theory of change', () => {
	test('an edge to a node that does not exist', () => {
		const site = validSite();
		site.tocEdges[0]!.data.to = 'outcome-nowhere';
		expect(checkIntegrity(site)).toEqual(['content/theory-of-change.yaml: edge "activity-a → outcome-nowhere": to: node "outcome-nowhere" does not exist']);
	});

	test('an edge from a node that does not exist', () => {
		const site = validSite();
		site.tocEdges[0]!.data.from = 'activity-nowhere';
		expect(checkIntegrity(site)).toEqual(['content/theory-of-change.yaml: edge "activity-nowhere → outcome-a": from: node "activity-nowhere" does not exist']);
	});

	test('an edge that runs backwards through the stages', () => {
		const site = validSite();
		site.tocEdges.push({ id: 'pathway-a--activity-a', filePath: 'content/theory-of-change.yaml', data: { from: 'pathway-a', to: 'activity-a', sources } });
		const problems = checkIntegrity(site);
		expect(problems).toContain('content/theory-of-change.yaml: edge "pathway-a → activity-a": to: links must run forward (pathway → activity runs backwards)');
		// Running backwards closes a loop, which the layered diagram could not draw either.
		expect(problems).toContain('content/theory-of-change.yaml: edges: cycle activity-a → outcome-a → outcome-b → pathway-a → activity-a');
	});

	test('a cycle among nodes of one stage', () => {
		const site = validSite();
		site.tocEdges.push({ id: 'outcome-b--outcome-a', filePath: 'content/theory-of-change.yaml', data: { from: 'outcome-b', to: 'outcome-a', sources } });
		expect(checkIntegrity(site)).toEqual(['content/theory-of-change.yaml: edges: cycle outcome-a → outcome-b → outcome-a']);
	});

	test('an activity without its function, or with one that does not exist', () => {
		const site = validSite();
		site.tocNodes[0]!.data.function = undefined;
		site.tocNodes.push({ id: 'activity-b', filePath: 'content/theory-of-change.yaml', data: { stage: 'activity', function: ref('lobbying'), sources } });
		expect(checkIntegrity(site)).toEqual([
			'content/theory-of-change.yaml: node "activity-a": function: an activity must name its function',
			'content/theory-of-change.yaml: node "activity-b": function: function "lobbying" does not exist',
		]);
	});

	test('a source that is not a report, NAVCA or usage (without the registry)', () => {
		const site = validSite();
		site.tocEdges[1]!.data.sources = [{ ref: 'navca' }, { ref: 'blog' }];
		expect(checkIntegrity(site)).toEqual(['content/theory-of-change.yaml: edge "outcome-a → outcome-b": sources[1]: "blog" is not a report id, "navca" or "usage"']);
	});

	test('a citation the source registry rejects, with the registry check plugged in', () => {
		const site = validSite();
		site.checkCitation = (c) => (c.section === 'nowhere' ? [`source "${c.ref}" has no section key "nowhere"`] : []);
		site.tocEdges[1]!.data.sources = [{ ref: 'navca', section: 'nowhere' }];
		expect(checkIntegrity(site)).toEqual(['content/theory-of-change.yaml: edge "outcome-a → outcome-b": sources[0]: source "navca" has no section key "nowhere"']);
	});
});

test('the build error lists every problem and points Astro at the first file', () => {
	const site = validSite();
	site.findings[1]!.data.number = 1;
	site.tocEdges[0]!.data.to = 'outcome-nowhere';
	let error: unknown;
	try {
		assertIntegrity(site);
	} catch (e) {
		error = e;
	}
	expect(error).toBeInstanceOf(ContentIntegrityError);
	const integrity = error as ContentIntegrityError;
	expect(integrity.message).toBe(
		[
			'Content integrity check failed (2 problems):',
			'  - content/findings/two.mdx: number: 1 is already used by content/findings/one.mdx',
			'  - content/theory-of-change.yaml: edge "activity-a → outcome-nowhere": to: node "outcome-nowhere" does not exist',
		].join('\n'),
	);
	expect(integrity.problems).toHaveLength(2);
	// Astro prints `loc.file` under "Location:" and `hint` under "Hint:".
	expect(integrity.loc.file).toBe('content/findings/two.mdx');
	expect(integrity.hint).toMatch(/content\/README\.md/);
});
