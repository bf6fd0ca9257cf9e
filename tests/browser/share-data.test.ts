/**
 * The open data: /data/findings.json validates against /data/findings.schema.json (both as
 * built), has the twelve findings numbered 1–12, and every URL in it points at a file of the
 * build. The schema is strict enough to catch a broken document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { pageFile } from './support/head-meta.ts';
import { DIST, SUB_BASE, SUB_DIST } from './support/paths.ts';

/**
 * Ajv with the three string formats the schema uses, checked as the platform reads them
 * (ajv-formats is only a transitive dependency here, so it is not relied on).
 */
function validator(schema: object) {
	const ajv = new Ajv2020({ strict: true, allErrors: true });
	ajv.addFormat('uri', (s: string) => URL.canParse(s) && /^https?:\/\//.test(s));
	ajv.addFormat('date', (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)));
	ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && s.includes('T'));
	return ajv.compile(schema);
}

const read = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

describe.each([
	{ dir: DIST, base: '/' },
	{ dir: SUB_DIST, base: SUB_BASE },
])('$dir/data/ (base $base)', ({ dir, base }) => {
	test('findings.json validates against findings.schema.json', () => {
		const schema = read(dir, 'data/findings.schema.json');
		const data = read(dir, 'data/findings.json');
		const validate = validator(schema);
		expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
		// Each names the other: the document its schema, the schema its own address.
		expect(data.$schema).toBe(schema.$id);
		expect(new URL(schema.$id).pathname).toBe(`${base}data/findings.schema.json`);
	});

	test('has the twelve findings numbered 1 to 12, and all five functions, six reports and the theory of change', () => {
		const data = read(dir, 'data/findings.json');
		expect(data.findings.map((f: { number: number }) => f.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
		expect(data.functions).toHaveLength(5);
		expect(data.reports).toHaveLength(6);
		expect(data.pathways).toHaveLength(3);
		expect(data.theoryOfChange.nodes.length).toBeGreaterThan(10);
		expect(data.theoryOfChange.edges.length).toBeGreaterThan(10);
		// References inside the document resolve within it.
		const ids = (list: Array<{ id: string }>) => new Set(list.map((x) => x.id));
		const functions = ids(data.functions);
		const pathways = ids(data.pathways);
		const reports = ids(data.reports);
		const nodes = ids(data.theoryOfChange.nodes);
		for (const f of data.findings) {
			for (const id of f.functions) expect(functions.has(id), `finding ${f.number}: function ${id}`).toBe(true);
			for (const id of f.pathways) expect(pathways.has(id), `finding ${f.number}: pathway ${id}`).toBe(true);
			// NAVCA's briefing states every headline; reports join it only where they state it too.
			expect(f.sources[0].id, `finding ${f.number}`).toBe('navca');
			for (const s of f.sources.slice(1)) expect(reports.has(s.id), `finding ${f.number}: source ${s.id}`).toBe(true);
			for (const r of f.relatedReports) expect(reports.has(r.id), `finding ${f.number}: report ${r.id}`).toBe(true);
		}
		for (const e of data.theoryOfChange.edges) expect(nodes.has(e.from) && nodes.has(e.to), `${e.from} → ${e.to}`).toBe(true);
	});

	test('every URL on this site that it gives is a file in the build', () => {
		const data = read(dir, 'data/findings.json');
		const origin = new URL(data.site.url).origin;
		const urls: string[] = [];
		JSON.stringify(data, (_key, value) => {
			if (typeof value === 'string' && value.startsWith(origin)) urls.push(value);
			return value;
		});
		expect(urls.length).toBeGreaterThan(60);
		for (const url of urls) {
			const path = new URL(url).pathname;
			expect(path.startsWith(base), url).toBe(true);
			expect(existsSync(pageFile(dir, path.slice(base.length))), url).toBe(true);
		}
	});
});

test('the schema rejects a broken document: a finding without its statement, a made-up strength, an unknown field', () => {
	const validate = validator(read(DIST, 'data/findings.schema.json'));
	const data = read(DIST, 'data/findings.json');
	const broken = structuredClone(data);
	delete broken.findings[0].statement;
	broken.findings[1].evidence.strength = 'certain';
	broken.reports[0].rating = 5;
	expect(validate(broken)).toBe(false);
	const problems = validate.errors!.map((e) => `${e.instancePath} ${e.message}`);
	expect(problems).toEqual(
		expect.arrayContaining([expect.stringMatching(/^\/findings\/0 must have required property 'statement'/), expect.stringMatching(/^\/findings\/1\/evidence\/strength must be equal to one of/), expect.stringMatching(/^\/reports\/0 must NOT have additional properties/)]),
	);
});
