/**
 * No built page points the browser at another host in its markup: resource hints
 * (preconnect, dns-prefetch, preload, prefetch, modulepreload, prerender), scripts, styles,
 * images, fonts, frames, forms, meta refresh, and URL-holding data-* attributes. The request
 * guard in support/browser.ts cannot see a preconnect (it opens a connection and sends no
 * request), so this reads every HTML file of both builds with tests/support/foreign-urls.ts.
 * Links out (`<a href>`) are fine; canonical and Open Graph URLs must be the site's own origin.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { foreignResourceUrls } from '../support/foreign-urls.ts';
import { pageFile } from './support/head-meta.ts';
import { builtPages } from './support/pages.ts';
import { DIST, SUB_DIST } from './support/paths.ts';

/** The origin the test builds are made for (package.json: build:local and build:subpath). */
const ORIGIN = new URL(process.env.SITE_URL ?? 'http://localhost:4321').origin;

test.for([DIST, SUB_DIST])('every page of %s/ loads from and connects to its own origin only', (dir) => {
	const pages = builtPages(dir);
	expect(pages.length).toBeGreaterThan(40);
	const problems = pages.flatMap((path) => foreignResourceUrls(readFileSync(pageFile(dir, path), 'utf8'), ORIGIN).map((p) => `/${path}: ${p}`));
	expect(problems).toEqual([]);
});
