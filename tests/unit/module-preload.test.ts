import { expect, test } from 'vitest';
import { addModulePreloads, staticImports } from '../../src/integrations/module-preload.ts';

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

test('a page without module scripts is left as it is', () => {
	const html = '<html><head></head><body><p>Hi</p></body></html>';
	expect(addModulePreloads(html, read)).toBe(html);
});
