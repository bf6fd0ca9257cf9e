/**
 * A production build must know where it will be served: without SITE_URL it stops with one
 * line saying how to set it, and with it no built file points at localhost (citations,
 * canonical and social tags, feed, sitemap, robots.txt, open data).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createTempProject, type TempProject } from '../../scripts/lib/temp-project.ts';

const projects: TempProject[] = [];
afterAll(async () => {
	await Promise.all(projects.map((p) => p.remove()));
});

async function textFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile() && /\.(html|xml|txt|json|js|css|webmanifest)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('SITE_URL', () => {
	test('a production build without SITE_URL fails with one line saying how to set it', async () => {
		const project = await createTempProject('no-site-url');
		projects.push(project);
		const { code, output } = await project.build({ SITE_URL: '' });
		expect(code).not.toBe(0);
		expect(output).toContain('SITE_URL is not set');
		expect(output).toMatch(/SITE_URL=https:\/\/\S+ npm run build/);
		expect(output.match(/SITE_URL is not set/g)).toHaveLength(1);
	});

	test('a production build with SITE_URL has no localhost anywhere in its output', async () => {
		const project = await createTempProject('site-url');
		projects.push(project);
		const { code, output } = await project.build({ SITE_URL: 'https://evidence.example.org' });
		expect(code, output).toBe(0);
		const files = await textFiles(project.dist);
		expect(files.length).toBeGreaterThan(40);
		const offenders: string[] = [];
		for (const file of files) if (/localhost|127\.0\.0\.1/.test(await readFile(file, 'utf8'))) offenders.push(file.slice(project.dist.length));
		expect(offenders).toEqual([]);
		const finding = await readFile(join(project.dist, 'findings/6-a-bridge-between-sectors/index.html'), 'utf8');
		expect(finding).toContain('https://evidence.example.org/findings/6/');
		expect(finding).toContain('<link rel="canonical" href="https://evidence.example.org/findings/6-a-bridge-between-sectors/"');
	});
});
