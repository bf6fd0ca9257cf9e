/**
 * Scripts never compete with what a page needs for its first paint (issue 15): on every built
 * page but the search page, each module script and each module preload is fetched at low
 * priority; the search page, whose results its script makes, carries that script in the page,
 * so over a slow connection the requests before its first result are Pagefind's alone.
 * Read from the built HTML (src/integrations/module-preload.ts writes the attribute).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

const SCRIPT_TAGS = /<script type="module" src=[^>]*>|<link rel="modulepreload"[^>]*>/g;

test('every page but search fetches its scripts at low priority, and every page that has scripts has them', () => {
	let withScripts = 0;
	for (const page of builtPages(DIST).filter((p) => p !== 'search/')) {
		const tags = readFileSync(join(DIST, page, page.endsWith('.html') ? '' : 'index.html'), 'utf8').match(SCRIPT_TAGS) ?? [];
		if (tags.length) withScripts++;
		for (const tag of tags) expect(tag, `/${page}`).toContain('fetchpriority="low"');
	}
	expect(withScripts).toBeGreaterThan(30);
});

test('the search page makes no request for a script of its own: its script is one module in the page, and its head preloads only Pagefind\'s script and WebAssembly', () => {
	const html = readFileSync(join(DIST, 'search', 'index.html'), 'utf8');
	expect((html.match(SCRIPT_TAGS) ?? []).filter((tag) => !tag.includes('"/pagefind/'))).toEqual([]);
	const modules = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
	expect(modules).toHaveLength(1);
	// Bundled: it imports nothing by address (Pagefind itself is loaded with import(), by the page's base path).
	expect(modules[0]).not.toMatch(/\bimport\s*["'][./]|\bfrom\s*["'][./]/);
	expect(modules[0]!.length).toBeGreaterThan(5_000);
	const head = html.slice(0, html.indexOf('</head>'));
	expect([...head.matchAll(/<link rel="(?:modulepreload|preload)" href="([^"]+)"/g)].map((m) => m[1])).toEqual([expect.stringMatching(/^\/pagefind\/wasm\.en-gb\.pagefind$/), '/pagefind/pagefind.js']);
});
