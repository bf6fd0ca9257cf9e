/**
 * The link checker's rules, on small hand-made sites: what it extracts from HTML, how it
 * resolves URLs under a base path, and each kind of broken link it must catch. The browser
 * project runs it over the real builds (tests/browser/links.test.ts).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtFor, checkLinks, checkUrl, extractLinks, formatProblem, pagePath, readSite, type SiteIndex } from '../../scripts/lib/links.ts';

describe('extractLinks', () => {
	test('finds URLs in every attribute that holds one, and every fragment target', () => {
		const { ids, links } = extractLinks(`<!doctype html><html><head>
			<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/b.js"></script>
			<meta property="og:image" content="https://example.org/og/site.png"><meta name="twitter:image" content="/og/x.png">
			<meta property="og:title" content="Not a URL">
			<meta http-equiv="refresh" content="0;url=/findings/5-local-knowledge/">
		</head><body>
			<h2 id="key-findings">Key</h2><a name="old-anchor"></a>
			<a href="/findings/?theme=quality#list">Findings &amp; more</a>
			<img src="/a.png" srcset="/a-1x.png 1x, /a-2x.png 2x" alt="">
			<form action="/search/"></form>
			<svg><use xlink:href="#arrow"></use><a href="/pathways/#node-x"><text>x</text></a><marker id="arrow"></marker></svg>
			<template><p id="only-when-cloned"><a href="/reports/">r</a></p></template>
		</body></html>`);
		expect(links).toEqual([
			{ where: 'link[href]', url: '/_astro/a.css' },
			{ where: 'script[src]', url: '/_astro/b.js' },
			{ where: 'meta[og:image]', url: 'https://example.org/og/site.png' },
			{ where: 'meta[twitter:image]', url: '/og/x.png' },
			{ where: 'meta[refresh]', url: '/findings/5-local-knowledge/' },
			{ where: 'a[href]', url: '/findings/?theme=quality#list' },
			{ where: 'img[src]', url: '/a.png' },
			{ where: 'img[srcset]', url: '/a-1x.png' },
			{ where: 'img[srcset]', url: '/a-2x.png' },
			{ where: 'form[action]', url: '/search/' },
			{ where: 'use[xlink:href]', url: '#arrow' },
			{ where: 'a[href]', url: '/pathways/#node-x' },
			{ where: 'a[href]', url: '/reports/' },
		]);
		expect([...ids].sort()).toEqual(['arrow', 'key-findings', 'old-anchor']);
	});
});

/** A small built site under `base`: a home page, a findings page, a report with headings, a file. */
function site(pages: Record<string, string>, otherFiles: string[] = []): SiteIndex {
	return {
		files: new Set([...Object.keys(pages), ...otherFiles]),
		pages: new Map(Object.entries(pages).map(([file, html]) => [file, extractLinks(html)])),
	};
}

describe('checkUrl', () => {
	const s = site({ 'index.html': '<h1 id="top-heading">x</h1>', 'findings/index.html': '<ol id="list"></ol>', '404.html': '' }, ['favicon.svg', '_astro/a.js']);
	const root = { base: '/', origin: 'https://lcsi.example' };
	const check = (url: string, from = 'findings/index.html', options = root) => checkUrl(url, from, s, options);

	test('internal pages, files and fragments that exist resolve', () => {
		for (const url of ['/', '/findings/', '/findings/#list', '#list', '../', './', '/favicon.svg', '/_astro/a.js', '/404.html', '/findings/?theme=x', '/#top-heading', '#top'])
			expect(check(url), url).toBeUndefined();
	});

	test('absolute URLs on the site’s own origin are checked like internal ones', () => {
		expect(check('https://lcsi.example/findings/')).toBeUndefined();
		expect(check('https://lcsi.example/og/site.png')).toBe('no such file in the build (looked for og/site.png)');
	});

	test('a page or file that does not exist', () => {
		expect(check('/reports/')).toBe('no such file in the build (looked for reports/index.html)');
		expect(check('/favicon.ico')).toBe('no such file in the build (looked for favicon.ico)');
	});

	test('a fragment that names no element, and an empty one', () => {
		expect(check('/#list')).toBe('no element with id "list" on /');
		expect(check('#nowhere')).toBe('no element with id "nowhere" on /findings/');
		expect(check('#')).toBe('empty fragment "#": link to an element, or use a button');
	});

	test('a directory without its trailing slash', () => {
		expect(check('/findings')).toBe('missing trailing slash (the site is built with trailingSlash: "always")');
	});

	test('links to other sites are not fetched but must be https', () => {
		expect(check('https://www.gov.uk/government/publications/x')).toBeUndefined();
		expect(check('mailto:someone@example.org')).toBeUndefined();
		expect(check('http://www.gov.uk/')).toBe('links to other sites must use https (this is http:)');
		expect(check('//www.gov.uk/')).toBe('protocol-relative URL: write https:// in full');
		expect(check('javascript:void(0)')).toBe('links to other sites must use https (this is javascript:)');
		expect(check(' ')).toBe('empty URL');
	});

	test('under a sub-path, a root-relative link that forgets the base is broken', () => {
		const sub = { base: '/lcsi/', origin: 'https://example.org' };
		expect(check('/lcsi/findings/#list', 'index.html', sub)).toBeUndefined();
		expect(check('../', 'findings/index.html', sub)).toBeUndefined();
		expect(check('/findings/', 'index.html', sub)).toBe("outside the site's base path /lcsi/");
		expect(check('https://example.org/findings/', 'index.html', sub)).toBe("outside the site's base path /lcsi/");
	});
});

test('checkLinks reports each broken link with its page and attribute', () => {
	const s = site({
		'index.html': '<a href="/findings/">ok</a><a href="/reports/">missing</a>',
		'findings/index.html': '<img src="/lcsi-logo.png" alt="">',
	});
	const problems = checkLinks(s, { base: '/lcsi/' });
	expect(problems.map(formatProblem)).toEqual([
		`/lcsi/findings/: img[src] "/lcsi-logo.png": outside the site's base path /lcsi/`,
		`/lcsi/: a[href] "/findings/": outside the site's base path /lcsi/`,
		`/lcsi/: a[href] "/reports/": outside the site's base path /lcsi/`,
	]);
	expect(checkLinks(s, { base: '/' }).map(formatProblem)).toEqual([
		'/findings/: img[src] "/lcsi-logo.png": no such file in the build (looked for lcsi-logo.png)',
		'/: a[href] "/reports/": no such file in the build (looked for reports/index.html)',
	]);
});

test('pagePath gives the URL a file is served at', () => {
	expect(pagePath('index.html', '/')).toBe('/');
	expect(pagePath('findings/5-local-knowledge/index.html', '/lcsi/')).toBe('/lcsi/findings/5-local-knowledge/');
	expect(pagePath('404.html', '/lcsi')).toBe('/lcsi/404.html');
});

test('readSite and builtFor read a folder as built', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'lcsi-links-'));
	try {
		await mkdir(join(dir, 'findings'));
		await writeFile(join(dir, 'index.html'), '<link rel="canonical" href="https://example.org/lcsi/"><a href="/lcsi/findings/#a">f</a>');
		await writeFile(join(dir, 'findings/index.html'), '<h2 id="a">A</h2>');
		await writeFile(join(dir, 'favicon.svg'), '<svg/>');
		const s = await readSite(dir);
		expect([...s.files].sort()).toEqual(['favicon.svg', 'findings/index.html', 'index.html']);
		expect(s.pages.get('findings/index.html')?.ids).toEqual(new Set(['a']));
		expect(await builtFor(dir)).toEqual({ origin: 'https://example.org', base: '/lcsi/' });
		expect(checkLinks(s, { base: '/lcsi/', origin: 'https://example.org' })).toEqual([]);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
});
