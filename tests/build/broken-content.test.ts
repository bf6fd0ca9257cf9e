/**
 * Broken content must stop the build with one clear message that names the file and the
 * field, so an author can fix it without reading a stack trace. Each case copies the project
 * to a temp folder (scripts/lib/temp-project.ts explains why a whole copy), breaks one thing
 * in the copy's content/, runs `astro build` with the pinned Node and reads what it printed.
 *
 * Schema errors (a missing field) come from Astro's content layer; cross-entry errors
 * (duplicate numbers, references, theory-of-change edges) from src/lib/integrity.ts; a
 * malformed MDX body from the MDX compiler. All three paths are covered.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { limit } from '../../scripts/lib/limit.ts';
import { createTempProject, type BuildResult, type TempProject } from '../../scripts/lib/temp-project.ts';

/** Replace text in a content file of the copy; a pattern that no longer matches fails loudly. */
async function edit(content: string, file: string, pattern: RegExp, replacement: string): Promise<void> {
	const path = join(content, file);
	const text = await readFile(path, 'utf8');
	if (!pattern.test(text)) throw new Error(`${file} no longer contains ${pattern}: update this test's fixture`);
	await writeFile(path, text.replace(pattern, replacement));
}

/** Two builds at a time: the machine has two cores and a build keeps one busy. */
const withSlot = limit(2);

const projects: TempProject[] = [];
afterAll(async () => {
	await Promise.all(projects.map((p) => p.remove()));
});

/** Build a copy broken by `breakIt`; the caller checks that it failed and how. */
function buildBroken(label: string, breakIt: (content: string) => Promise<void>): Promise<BuildResult> {
	return withSlot(async () => {
		const project = await createTempProject(`broken-${label}`);
		projects.push(project);
		await breakIt(project.content);
		return project.build();
	});
}

/** How often `text` occurs in the output: the message should be printed once, not per page. */
const occurrences = (output: string, text: string) => output.split(text).length - 1;

const FINDING = 'content/findings/local-knowledge.mdx';

describe.concurrent('a build of broken content fails naming the file and the field', () => {
	test('a missing required field (schema)', async ({ expect }) => {
		const { code, output } = await buildBroken('missing-field', (c) => edit(c, 'findings/local-knowledge.mdx', /^title: .*\n/m, ''));
		expect(code, `the build should have failed:\n${output}`).not.toBe(0);
		expect(output).toMatch(/findings → local-knowledge data does not match collection schema/);
		expect(output).toMatch(/\btitle\b.*Required/);
		expect(output).toContain(`${FINDING}:0:0`);
	});

	test('a duplicate finding number', async ({ expect }) => {
		const { code, output } = await buildBroken('duplicate-number', async (c) => {
			const other = await readFile(join(c, 'findings/a-bridge-between-sectors.mdx'), 'utf8');
			const number = /^number: (\d+)$/m.exec(other)?.[1];
			await edit(c, 'findings/local-knowledge.mdx', /^number: \d+$/m, `number: ${number}`);
		});
		expect(code, `the build should have failed:\n${output}`).not.toBe(0);
		const line = /content\/findings\/(?:local-knowledge|a-bridge-between-sectors)\.mdx: number: \d+ is already used by content\/findings\/(?:local-knowledge|a-bridge-between-sectors)\.mdx/;
		expect(output).toMatch(line);
		expect(output.match(new RegExp(line, 'g'))).toHaveLength(1);
	});

	test('a reference to a report that does not exist', async ({ expect }) => {
		const { code, output } = await buildBroken('missing-report', (c) => edit(c, 'findings/local-knowledge.mdx', /^ {2}- id: [a-z-]+$/m, '  - id: no-such-report'));
		expect(code, `the build should have failed:\n${output}`).not.toBe(0);
		const line = `${FINDING}: relatedReports[0].id: report "no-such-report" does not exist`;
		expect(occurrences(output, line)).toBe(1);
		expect(output).toContain(`Location:\n    ${FINDING}:0:0`);
	});

	test('a reference to a function that does not exist', async ({ expect }) => {
		const { code, output } = await buildBroken('broken-reference', (c) => edit(c, 'findings/local-knowledge.mdx', /^functions:\n {2}- [a-z-]+$/m, 'functions:\n  - no-such-function'));
		expect(code, `the build should have failed:\n${output}`).not.toBe(0);
		expect(occurrences(output, `${FINDING}: functions[0]: function "no-such-function" does not exist`)).toBe(1);
	});

	test('a theory-of-change edge to a node that does not exist', async ({ expect }) => {
		const { code, output } = await buildBroken('toc-edge', (c) => edit(c, 'theory-of-change.yaml', /^( {2}- from: ([a-z-]+)\n {4}to: )[a-z-]+$/m, '$1node-that-does-not-exist'));
		expect(code, `the build should have failed:\n${output}`).not.toBe(0);
		expect(output).toMatch(/content\/theory-of-change\.yaml: edge "[a-z-]+ → node-that-does-not-exist": to: node "node-that-does-not-exist" does not exist/);
		expect(output).toContain('Location:\n    content/theory-of-change.yaml:0:0');
	});

	test('malformed MDX (a component tag left open)', async ({ expect }) => {
		const { code, output } = await buildBroken('malformed-mdx', (c) =>
			edit(c, 'findings/local-knowledge.mdx', /\n## What the research found\n/, '\n## What the research found\n\n<Source ref="navca">\n\nThis paragraph never closes its tag.\n'),
		);
		expect(code, `the build should have failed:\n${output}`).not.toBe(0);
		// The MDX compiler gives the line and column of the open tag; Astro names the file.
		expect(output).toMatch(/Expected a closing tag for `<Source>` \(\d+:\d+-\d+:\d+\)/);
		expect(output).toContain(`${FINDING}:0:0`);
	});
});
