/**
 * Scripts never compete with what a page needs for its first paint (issue 15): on every built
 * page but the search page, each module script and each module preload is fetched at low
 * priority; the search page, whose results its scripts make, keeps the browser's default.
 * Read from the built HTML (src/integrations/module-preload.ts writes the attribute).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

const SCRIPT_TAGS = /<script type="module" src=[^>]*>|<link rel="modulepreload"[^>]*>/g;
const pagefindPreload = (tag: string) => tag.includes('/pagefind/');

test('every page but search fetches its scripts at low priority, and every page that has scripts has them', () => {
	let withScripts = 0;
	for (const page of builtPages(DIST).filter((p) => p !== 'search/')) {
		const tags = readFileSync(join(DIST, page, page.endsWith('.html') ? '' : 'index.html'), 'utf8').match(SCRIPT_TAGS) ?? [];
		if (tags.length) withScripts++;
		for (const tag of tags) expect(tag, `/${page}`).toContain('fetchpriority="low"');
	}
	expect(withScripts).toBeGreaterThan(30);
});

test('the search page fetches its scripts and Pagefind at the default priority', () => {
	const tags = readFileSync(join(DIST, 'search', 'index.html'), 'utf8').match(SCRIPT_TAGS) ?? [];
	expect(tags.filter((t) => !pagefindPreload(t)).length).toBeGreaterThanOrEqual(3);
	for (const tag of tags) expect(tag).not.toContain('fetchpriority');
});
