import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { headersFor, parseHeaderRules, startServer } from '../../scripts/lib/static-server.ts';

const SITE_RULES = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');

test("the site's _headers: named-by-content files are kept for a year, Pagefind's loader files for five minutes, pages not at all", () => {
	const rules = parseHeaderRules(SITE_RULES);
	const cache = (path: string) => headersFor(rules, path)['Cache-Control'];
	expect(cache('/_astro/search.astro_astro_type_script_index_0_lang.CZ7ksr97.js')).toBe('public, max-age=31536000, immutable');
	for (const kind of ['index', 'fragment', 'filter']) expect(cache(`/pagefind/${kind}/en-gb_9ef0c1d.pf_${kind}`)).toBe('public, max-age=31536000, immutable');
	for (const path of ['/pagefind/pagefind.js', '/pagefind/pagefind.en-gb_d6ef9db3a3bba.pf_meta', '/pagefind/pagefind-entry.json', '/pagefind/wasm.en-gb.pagefind']) expect(cache(path), path).toBe('public, max-age=300');
	for (const path of ['/', '/search/', '/findings/3-who-benefits/', '/pagefind/pagefind-ui.js.map.html']) expect(cache(path), path).toBeUndefined();
	// The search page's HTML is the same for any query, so a copy fetched ahead serves /search/?q=….
	expect(headersFor(rules, '/search/')['No-Vary-Search']).toBe('params');
	expect(headersFor(rules, '/findings/')['No-Vary-Search']).toBeUndefined();
});

test('a rule is a path with * for anything; dots and other pattern characters are literal; later rules win', () => {
	const rules = parseHeaderRules('# note\n/a.b/*\n  X-One: 1\n  X-Two: 2\n\n/a.b/c\n  X-Two: 3\n');
	expect(headersFor(rules, '/a.b/c')).toEqual({ 'X-One': '1', 'X-Two': '3' });
	expect(headersFor(rules, '/a.b/d/e')).toEqual({ 'X-One': '1', 'X-Two': '2' });
	expect(headersFor(rules, '/aXb/c')).toEqual({});
});

test('the server sends the rules under the base path, and no-cache for what they leave out', async () => {
	const root = mkdtempSync(join(tmpdir(), 'lcsi-headers-'));
	mkdirSync(join(root, '_astro'));
	writeFileSync(join(root, '_astro', 'a.js'), 'export {}');
	writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
	writeFileSync(join(root, '404.html'), '<!doctype html><title>Not found</title>');
	writeFileSync(join(root, '_headers'), '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
	const server = await startServer({ root, base: '/lcsi/', port: 0 });
	try {
		const script = await fetch(new URL('_astro/a.js', server.url));
		expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		const page = await fetch(server.url);
		expect(page.headers.get('cache-control')).toBe('no-cache');
		const missing = await fetch(new URL('_astro/none.js', server.url));
		expect(missing.status).toBe(404);
		expect(missing.headers.get('cache-control')).toBe('no-cache');
	} finally {
		await server.close();
	}
});
