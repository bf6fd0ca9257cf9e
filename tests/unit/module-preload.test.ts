import { expect, test } from 'vitest';
import { addModulePreloads, fillSearchPageScripts, primaryScripts, staticImports } from '../../src/integrations/module-preload.ts';

const files: Record<string, string> = {
	'/_astro/page.js': 'import{a as t}from"./copy-text.js";import"./side.js";const l=()=>import("./lazy.js");t(l);',
	'/_astro/copy-text.js': 'import{b}from"./announce.js";export const a=b;',
	'/_astro/announce.js': 'export const b=1;',
	'/_astro/side.js': 'console.log(1)',
	'/_astro/lazy.js': 'import"./lazy-dep.js"',
	'/_astro/lazy-dep.js': '',
};
const read = (p: string) => files[p];

test('static imports are followed all the way down; dynamic imports stay lazy', () => {
	expect(staticImports('/_astro/page.js', read).sort()).toEqual(['/_astro/announce.js', '/_astro/copy-text.js', '/_astro/side.js']);
});

test('a page gets one modulepreload per imported module, in its head, once', () => {
	const html = '<html><head><title>x</title></head><body><script type="module" src="/_astro/page.js"></script></body></html>';
	const out = addModulePreloads(html, read);
	for (const dep of ['/_astro/announce.js', '/_astro/copy-text.js', '/_astro/side.js']) expect(out.split(`<link rel="modulepreload" href="${dep}" fetchpriority="low">`)).toHaveLength(2);
	expect(out).not.toContain('lazy.js');
	expect(out.indexOf('modulepreload')).toBeLessThan(out.indexOf('</head>'));
	expect(addModulePreloads(out, read)).toBe(out);
});

test('scripts are fetched at low priority, never ahead of what the first paint needs', () => {
	const html = '<html><head><title>x</title></head><body><script type="module" src="/_astro/page.js"></script></body></html>';
	const out = addModulePreloads(html, read);
	expect(out).toContain('<script type="module" src="/_astro/page.js" fetchpriority="low"></script>');
	expect(out.match(/<link rel="modulepreload"[^>]*>/g)?.every((l) => l.includes('fetchpriority="low"'))).toBe(true);
});

test("a page made by its scripts fetches them first, at the default priority, and runs them as they arrive; the header's and layout's stay low", () => {
	const html =
		'<html><head><meta charset="utf-8"><title>x</title><link rel="preload" href="/pagefind/wasm"></head><body>' +
		'<header><script type="module" src="/_astro/side.js"></script></header>' +
		'<main><div data-scripts-primary></div><script type="module" src="/_astro/page.js"></script></main>' +
		'<script type="module" src="/_astro/announce.js"></script></body></html>';
	const out = addModulePreloads(html, read);
	// The page's own script and what it imports, first thing in the head, before any other preload.
	const head = out.slice(0, out.indexOf('</head>'));
	const early = [...head.matchAll(/<link rel="modulepreload" href="([^"]+)"(?: fetchpriority="low")?>/g)].map((m) => m[1]);
	expect(early).toEqual(['/_astro/page.js', '/_astro/copy-text.js', '/_astro/announce.js', '/_astro/side.js']);
	expect(head.indexOf('href="/_astro/page.js"')).toBeLessThan(head.indexOf('/pagefind/wasm'));
	expect(head.indexOf('<meta charset="utf-8">')).toBe(head.indexOf('<head>') + '<head>'.length);
	expect(out).toContain('<script type="module" src="/_astro/page.js" async></script>');
	expect(out).not.toMatch(/href="\/_astro\/page\.js" fetchpriority/);
	// The header's and the layout's scripts are not what the page is for.
	expect(out).toContain('<script type="module" src="/_astro/side.js" fetchpriority="low"></script>');
	expect(out).toContain('<script type="module" src="/_astro/announce.js" fetchpriority="low"></script>');
	expect(primaryScripts(html, read)).toEqual(['/_astro/page.js', '/_astro/copy-text.js', '/_astro/announce.js', '/_astro/side.js']);
});

test("every page's header box is told the search page's scripts, to prefetch when a reader shows intent", () => {
	const html = '<form data-search-warm="/pagefind/pagefind.js SEARCH_PAGE_SCRIPTS"></form>';
	expect(fillSearchPageScripts(html, ['/_astro/search.js', '/_astro/shared.js'])).toBe('<form data-search-warm="/pagefind/pagefind.js /_astro/search.js /_astro/shared.js"></form>');
});

test('a page without module scripts is left as it is', () => {
	const html = '<html><head></head><body><p>Hi</p></body></html>';
	expect(addModulePreloads(html, read)).toBe(html);
});
