/**
 * Search engines get a complete and honest map of the site, from the one SITE_URL setting:
 * the sitemap lists every page except those that ask not to be indexed (404, the pack form, the short
 * /findings/N/ redirects), each under its canonical URL; robots.txt points at the sitemap.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { readHeadMeta } from './support/head-meta.ts';
import { builtPages } from './support/pages.ts';
import { DIST, SUB_BASE, SUB_DIST } from './support/paths.ts';

const xml = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every <loc> of every sitemap the index names, as read from the build folder. */
function sitemapUrls(dir: string, base: string): string[] {
	const index = xml.parse(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8'));
	return list<{ loc: string }>(index.sitemapindex?.sitemap).flatMap(({ loc }) => {
		const file = join(dir, new URL(loc).pathname.slice(base.length));
		const sitemap = xml.parse(readFileSync(file, 'utf8'));
		return list<{ loc: string }>(sitemap.urlset?.url).map((u) => u.loc);
	});
}

describe.each([
	{ dir: DIST, base: '/' },
	{ dir: SUB_DIST, base: SUB_BASE },
])('$dir/ (base $base)', ({ dir, base }) => {
	const built = () => {
		if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir}/ has no built site`);
		return builtPages(dir);
	};

	test('the sitemap lists every indexable page once, under its canonical URL', () => {
		const pages = built();
		const urls = sitemapUrls(dir, base);
		expect(new Set(urls).size).toBe(urls.length);
		const expected = pages.filter((p) => p !== '404.html' && !readHeadMeta(dir, p).noindex).map((p) => readHeadMeta(dir, p).canonical);
		expect(expected.length).toBeGreaterThan(30);
		expect(urls.sort()).toEqual(expected.sort());
	});

	test('pages that ask not to be indexed are not listed: 404, the pack form and the short finding addresses', () => {
		const urls = sitemapUrls(dir, base).map((u) => new URL(u).pathname);
		const noindex = built().filter((p) => readHeadMeta(dir, p).noindex);
		expect(noindex).toEqual(expect.arrayContaining(['404.html', 'findings/pack/', 'findings/5/']));
		for (const p of noindex) expect(urls, `/${p}`).not.toContain(`${base}${p}`);
		for (let n = 1; n <= 12; n++) expect(urls).not.toContain(`${base}findings/${n}/`);
	});

	test('robots.txt allows everything and gives the sitemap’s absolute URL', () => {
		const robots = readFileSync(join(dir, 'robots.txt'), 'utf8');
		const origin = new URL(readHeadMeta(dir, '').canonical!).origin;
		expect(robots).toMatch(/^User-agent: \*$/m);
		expect(robots).toMatch(/^Allow: \/$/m);
		expect(robots).toContain(`Sitemap: ${origin}${base}sitemap-index.xml`);
		expect(existsSync(join(dir, 'sitemap-index.xml'))).toBe(true);
	});
});
