/**
 * Every built page (both builds) looks good when shared: complete Open Graph and Twitter meta
 * whose image is a file in the build, and each finding has its own 1200×630 PNG card.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pngSize } from '../../src/lib/socialCard.ts';
import { readHeadMeta } from './support/head-meta.ts';
import { builtPages } from './support/pages.ts';
import { DIST, SUB_BASE, SUB_DIST } from './support/paths.ts';

const REQUIRED = ['og:type', 'og:site_name', 'og:title', 'og:description', 'og:url', 'og:image', 'og:image:alt', 'twitter:card', 'twitter:title', 'twitter:description', 'twitter:image', 'twitter:image:alt'];

describe.each([
	{ dir: DIST, base: '/' },
	{ dir: SUB_DIST, base: SUB_BASE },
])('$dir/ (base $base)', ({ dir, base }) => {
	const pages = existsSync(`${dir}/index.html`) ? builtPages(dir) : [];

	test('the build exists', () => {
		expect(pages.length, `${dir}/ has no built site`).toBeGreaterThan(20);
	});

	test.each(pages)('/%s has complete social meta whose image exists in the build', (path) => {
		const { canonical, meta } = readHeadMeta(dir, path);
		for (const key of REQUIRED) expect(meta.get(key)?.trim(), `${key} on /${path}`).toBeTruthy();
		expect(canonical, 'canonical URL').toMatch(/^https?:\/\//);
		expect(meta.get('og:url')).toBe(canonical);
		expect(meta.get('twitter:image')).toBe(meta.get('og:image'));
		expect(meta.get('twitter:card')).toBe('summary_large_image');
		expect([meta.get('og:image:width'), meta.get('og:image:height')]).toEqual(['1200', '630']);
		// The image is on this site, under its base path, and is a file this build wrote.
		const image = new URL(meta.get('og:image')!);
		expect(image.origin).toBe(new URL(canonical!).origin);
		expect(image.pathname.startsWith(base), `${image.pathname} under ${base}`).toBe(true);
		const file = join(dir, image.pathname.slice(base.length));
		expect(existsSync(file), `${file} exists`).toBe(true);
		// A finding (or its short address) shows its own card; other pages the site card.
		const finding = /^findings\/(\d+)(?:-[a-z0-9-]+)?\/$/.exec(path);
		expect(image.pathname).toBe(`${base}og/${finding ? `findings/${finding[1]}` : 'site'}.png`);
	});
});

describe('card images', () => {
	test('there is one card per finding, named by its number', () => {
		const findings = builtPages(DIST).flatMap((p) => /^findings\/(\d+)-/.exec(p)?.[1] ?? []);
		const cards = readdirSync(join(DIST, 'og/findings')).map((f) => f.replace(/\.png$/, ''));
		expect(findings).toHaveLength(12);
		expect(cards.sort()).toEqual(findings.sort());
	});

	test.each(['og/site.png', ...Array.from({ length: 12 }, (_, i) => `og/findings/${i + 1}.png`)])('%s is a 1200×630 PNG', (file) => {
		const bytes = new Uint8Array(readFileSync(join(DIST, file)));
		expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
		// A real picture, not an empty canvas: cards with text compress to tens of kilobytes.
		expect(bytes.length).toBeGreaterThan(20_000);
	});
});
