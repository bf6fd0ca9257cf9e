/**
 * The common questions' build checks (src/lib/integrity.ts): every link points at a finding or
 * page section that exists, the NAVCA passage is NAVCA's words, the evidence level is present
 * when the research answers and no stronger than the findings it rests on, and the answer is
 * one or two short sentences. Also run on the real content: every question passes.
 */
import { describe, expect, test } from 'vitest';
import { checkIntegrity, type IntegrityInput, type QuestionData, sentences } from '../../src/lib/integrity.ts';
import { loadSourceRegistry } from '../../src/lib/sources.ts';
import { contentDir } from '../../src/lib/contentDir.ts';

const ref = (id: string) => ({ id });
type Link = QuestionData['links'][number];

function site(question: Partial<QuestionData>, id = 'does-more-funding'): IntegrityInput {
	const finding = (fid: string, number: number, strength: string) => ({
		id: fid,
		filePath: `content/findings/${fid}.mdx`,
		data: { number, headline: 'h', evidence: { strength }, functions: [], pathways: [], sources: ['navca'], relatedReports: [], related: [] },
	});
	const data: QuestionData = {
		question: 'Does more funding lead to more charities?',
		answer: 'The research found no evidence linking higher spending to more organisations being founded or surviving.',
		kind: 'finding',
		evidence: 'moderate',
		links: [{ finding: ref('sufficiency'), section: 'what-the-research-found' }],
		...question,
	};
	return {
		findings: [finding('sufficiency', 4, 'moderate'), finding('no-simple-answers', 8, 'emerging')],
		reports: [],
		functions: [],
		glossary: [],
		tocNodes: [],
		tocEdges: [],
		pages: [{ id: 'about', data: {} }],
		findingHeadings: new Map([
			['sufficiency', new Set(['what-the-research-found', 'for-trustees'])],
			['no-simple-answers', new Set(['what-the-research-found'])],
		]),
		pageHeadings: new Map([['about', new Set(['how-to-cite'])]]),
		checkCitation: (c) => (c.quote && !c.quote.startsWith('There was no evidence') ? [`quote not found: "${c.quote}"`] : []),
		questions: [{ id, filePath: `content/questions/${id}.yaml`, data }],
	};
}
const problems = (input: IntegrityInput) => checkIntegrity(input).filter((p) => p.startsWith('content/questions/'));
const where = 'content/questions/does-more-funding.yaml';

test('a sound question has no problems', () => {
	expect(problems(site({ navca: { section: 'funding', quote: 'There was no evidence linking higher LCSI expenditure' } }))).toEqual([]);
});

describe('links', () => {
	test.each<[string, Link, string]>([
		['a finding that does not exist', { finding: ref('nope'), section: 'x' }, `${where}: links[0].finding: finding "nope" does not exist`],
		['a finding section that does not exist', { finding: ref('sufficiency'), section: 'no-such-heading' }, `${where}: links[0].section: finding "sufficiency" has no section "#no-such-heading" (it has: what-the-research-found, for-trustees)`],
		['a page that does not exist', { page: ref('nope'), section: 'x' }, `${where}: links[0].page: page "nope" does not exist`],
		['a page section that does not exist', { page: ref('about'), section: 'cite' }, `${where}: links[0].section: page "about" has no section "#cite" (it has: how-to-cite)`],
	])('%s', (_, link, message) => {
		expect(problems(site({ kind: 'about', evidence: undefined, links: [link] }))).toEqual([message]);
	});

	test('an answer from the findings links to a finding', () => {
		expect(problems(site({ links: [{ page: ref('about'), section: 'how-to-cite' }] }))).toEqual([`${where}: links: an answer from the findings links to at least one finding`]);
	});
});

test('the NAVCA passage is checked like every citation', () => {
	expect(problems(site({ navca: { section: 'funding', quote: 'More funding means more charities' } }))).toEqual([`${where}: navca: quote not found: "More funding means more charities"`]);
});

describe('evidence level', () => {
	test('required when the research answers; absent when it does not', () => {
		expect(problems(site({ evidence: undefined }))).toEqual([`${where}: evidence: an answer from the findings needs its evidence level`]);
		expect(problems(site({ kind: 'not-answered', evidence: 'moderate' }))).toEqual([`${where}: evidence: a "not-answered" question has no evidence level; remove it or set kind: finding`]);
	});

	test('no stronger than the strongest finding it links to', () => {
		expect(problems(site({ evidence: 'strong' }))).toEqual([`${where}: evidence: "strong" is stronger than any finding it links to`]);
		expect(problems(site({ evidence: 'moderate', links: [{ finding: ref('no-simple-answers'), section: 'what-the-research-found' }] }))).toEqual([
			`${where}: evidence: "moderate" is stronger than any finding it links to`,
		]);
		expect(problems(site({ evidence: 'emerging' }))).toEqual([]);
	});
});

describe('answer', () => {
	test('one or two sentences', () => {
		expect(problems(site({ answer: 'One. Two sentences. Three is too many.' }))).toEqual([`${where}: answer: 3 sentences; an answer has one or two`]);
	});

	test('each sentence under 30 words', () => {
		const long = `${'word '.repeat(30).trim()}.`;
		expect(problems(site({ answer: long }))).toEqual([`${where}: answer: a sentence of 30 words (under 30, please): "${long}"`]);
	});

	test('sentences split after a full stop and before a capital or a quotation mark', () => {
		expect(sentences('It can. Relationships "could" be undermined. "Cold spot" areas apply less.')).toEqual(['It can.', 'Relationships "could" be undermined.', '"Cold spot" areas apply less.']);
	});
});

test('the same question asked twice', () => {
	const input = site({});
	input.questions!.push({ id: 'again', filePath: 'content/questions/again.yaml', data: { ...input.questions![0]!.data, question: 'Does more funding lead to more charities' + '?' } });
	expect(problems(input)).toEqual([`content/questions/again.yaml: question: the same question is asked in ${where}`]);
});

test('every NAVCA passage in content/questions/ is in the named section of the briefing', async () => {
	const { readdirSync, readFileSync } = await import('node:fs');
	const { load } = await import('js-yaml');
	const registry = loadSourceRegistry(contentDir());
	const dir = `${contentDir()}/questions`;
	const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
	expect(files.length).toBeGreaterThanOrEqual(15);
	expect(files.length).toBeLessThanOrEqual(25);
	for (const file of files) {
		const q = load(readFileSync(`${dir}/${file}`, 'utf8')) as { navca?: { section: string; quote: string } };
		if (!q.navca) continue;
		const resolved = registry.resolve({ ref: 'navca', ...q.navca });
		expect(resolved.ok ? [] : resolved.problems, file).toEqual([]);
	}
});
