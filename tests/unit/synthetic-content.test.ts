/**
 * The benchmark's synthetic content: copies get unique ids, numbers, slugs and titles within
 * the schema's limits, and nothing is ever written inside the checkout (content/ least of all).
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { allowSyntheticNumbers, multiplyContent } from '../../scripts/lib/synthetic-content.ts';
import { REPO_ROOT } from '../../scripts/lib/temp-project.ts';

let root: string;
beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'lcsi-synthetic-'));
	for (const dir of ['findings', 'reports', 'functions']) await cp(join(REPO_ROOT, 'content', dir), join(root, 'content', dir), { recursive: true });
	await cp(join(REPO_ROOT, 'content/sources.yaml'), join(root, 'content/sources.yaml'));
	await cp(join(REPO_ROOT, 'src/content.config.ts'), join(root, 'src/content.config.ts'));
});
afterAll(async () => {
	await rm(root, { recursive: true, force: true });
});

const frontmatter = async (file: string) => load(/^---\n([\s\S]*?)\n---\n/.exec(await readFile(file, 'utf8'))![1]!) as Record<string, unknown>;

test('3× content has three of each, with unique numbers, slugs and orders', async () => {
	const real = (await readdir(join(REPO_ROOT, 'content/findings'))).filter((f) => f.endsWith('.mdx')).length;
	const counts = await multiplyContent(join(root, 'content'), 3);
	expect(counts.findings).toBe(real * 3);
	const findings = await Promise.all((await readdir(join(root, 'content/findings'))).map((f) => frontmatter(join(root, 'content/findings', f))));
	expect(findings).toHaveLength(real * 3);
	expect(new Set(findings.map((f) => f.number)).size).toBe(real * 3);
	expect(new Set(findings.map((f) => f.slug)).size).toBe(real * 3);
	expect(Math.max(...findings.map((f) => f.title as string).map((t) => t.length))).toBeLessThanOrEqual(80);
	const reports = await Promise.all((await readdir(join(root, 'content/reports'))).map((f) => frontmatter(join(root, 'content/reports', f))));
	expect(new Set(reports.map((r) => r.order)).size).toBe(counts.reports);
	expect(Math.max(...reports.map((r) => (r.shortTitle as string).length))).toBeLessThanOrEqual(40);
	// A report's title and address come from the source registry, by its id (the file name):
	// every copy has an entry of its own there, or its page could not be built.
	const registry = load(await readFile(join(root, 'content/sources.yaml'), 'utf8')) as { id: string; kind: string; url: string }[];
	const reportIds = (await readdir(join(root, 'content/reports'))).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).map((f) => f.replace(/\.mdx$/, ''));
	const registered = new Set(registry.filter((s) => s.kind === 'report').map((s) => s.id));
	expect(reportIds.filter((id) => !registered.has(id))).toEqual([]);
	expect(new Set(registry.map((s) => s.url)).size).toBe(registry.length);
	const functions = await Promise.all((await readdir(join(root, 'content/functions'))).map((f) => frontmatter(join(root, 'content/functions', f))));
	expect(new Set(functions.map((f) => f.order)).size).toBe(counts.functions);
});

test('the copy’s schema bounds are lifted, and only the copy’s', async () => {
	await allowSyntheticNumbers(root);
	const copy = await readFile(join(root, 'src/content.config.ts'), 'utf8');
	expect(copy).toContain('number: z.number().int().min(1).max(1_000_000),');
	expect(copy).toContain('order: z.number().int().min(1).max(1_000_000),');
	const real = await readFile(join(REPO_ROOT, 'src/content.config.ts'), 'utf8');
	expect(real).toContain('number: z.number().int().min(1).max(12),');
});

test('it refuses to write inside the checkout', async () => {
	await expect(multiplyContent(join(REPO_ROOT, 'content'), 10)).rejects.toThrow(/Refusing/);
	await expect(allowSyntheticNumbers(REPO_ROOT)).rejects.toThrow(/Refusing/);
});
