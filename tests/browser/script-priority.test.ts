/**
 * Scripts never compete with what a page needs for its first paint (issue 15): on every built
 * page but the search page, each module script and each module preload is fetched at low
 * priority; the search page, whose results its scripts make, fetches its own first, at the
 * browser's default priority, and runs them as soon as they arrive.
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

test("the search page fetches its own scripts first and at the default priority, runs them as they arrive, and leaves the header's and layout's low", () => {
	const html = readFileSync(join(DIST, 'search', 'index.html'), 'utf8');
	const own = [...html.matchAll(/<script type="module" src="([^"]+)" async>/g)].map((m) => m[1]!);
	expect(own).toHaveLength(1);
	// Inside <main>, after the results it makes.
	expect(html.indexOf(`src="${own[0]}"`)).toBeGreaterThan(html.indexOf('data-scripts-primary'));
	expect(html.indexOf(`src="${own[0]}"`)).toBeLessThan(html.indexOf('</main>'));
	// Its preload, and its imports', come first in the head, before Pagefind's and any other request.
	const head = html.slice(0, html.indexOf('</head>'));
	const firstRequest = head.search(/<link rel="(?:modulepreload|preload)"/);
	expect(head.slice(firstRequest)).toMatch(new RegExp(`^<link rel="modulepreload" href="${own[0]!.replace(/[.]/g, '\\.')}">`));
	const pagefindAt = head.indexOf('/pagefind/');
	const ownPreloads = [...head.matchAll(/<link rel="modulepreload" href="(\/_astro\/[^"]+)">/g)];
	expect(ownPreloads.length).toBeGreaterThanOrEqual(2);
	for (const m of ownPreloads) expect(m.index!).toBeLessThan(pagefindAt);
	// Pagefind's own files keep the default priority too; every other script (the layout's) is low.
	for (const tag of head.match(/<link[^>]*\/pagefind\/[^>]*>/g) ?? []) expect(tag).not.toContain('fetchpriority');
	const others = (html.match(/<script type="module" src=[^>]*>/g) ?? []).filter((t) => !t.includes(own[0]!));
	expect(others.length).toBeGreaterThanOrEqual(1);
	for (const tag of others) expect(tag).toContain('fetchpriority="low"');
});
