import { readFileSync } from 'node:fs';
// fontkitten is the font reader Astro itself uses (a dependency of astro), used here only to
// look at the card font's glyphs.
import { create } from 'fontkitten';
import { describe, expect, test } from 'vitest';
import { cardTree, displayAddress, fontFile, pngSize, renderCard, statementFontSize } from '../../src/lib/socialCard.ts';

/** Every string drawn on a card, in order. */
function texts(node: unknown): string[] {
	if (typeof node === 'string') return [node];
	if (Array.isArray(node)) return node.flatMap(texts);
	if (node && typeof node === 'object' && 'props' in node) return texts((node as { props: { children?: unknown } }).props.children ?? []);
	return [];
}

const finding = {
	badge: '5',
	evidence: 'Moderate',
	eyebrow: 'Finding 5 of 12: Local knowledge matters most',
	text: 'Knowing the local area well is the single most important factor in the quality of LCSI provision.',
	address: 'example.org/findings/5/',
};

describe('renderCard', () => {
	test('draws a 1200×630 PNG', async () => {
		const png = await renderCard(finding);
		// The size Open Graph and Twitter cards expect, checked in the PNG itself.
		expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
	});

	test('the card shows the number, the statement, the site name and the short address', () => {
		const drawn = texts(cardTree(finding));
		expect(drawn).toEqual(expect.arrayContaining(['5', finding.eyebrow, finding.text, 'LCSI Evidence Explorer', 'example.org/findings/5/']));
	});

	test('a finding’s card shows its evidence level, so a shared card never overclaims', () => {
		const drawn = texts(cardTree(finding));
		expect(drawn).toEqual(expect.arrayContaining(['EVIDENCE', 'Moderate']));
	});

	test('a card without a badge (the site card) draws no badge and no level', () => {
		const { badge: _badge, ...site } = finding;
		expect(texts(cardTree(site))).not.toContain('5');
		expect(texts(cardTree(site))).not.toContain('EVIDENCE');
	});

	test('every long statement the schema allows still draws, with a long address, at 1200×630', async () => {
		const png = await renderCard({ ...finding, badge: '10', text: 'x '.repeat(140).trim(), address: 'someone.github.io/lcsi-evidence-explorer/findings/10/' });
		expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
	});
});

describe('the card font', () => {
	/** Closed outlines in a glyph: an open zero has two (outside and counter); a slashed one more. */
	const contours = (font: any, char: string) => (font.glyphForCodePoint(char.codePointAt(0)!).path.toSVG().match(/M/g) ?? []).length;

	test('has a zero without a slash or dot (finding 10 must not read "1Ø")', () => {
		const font = create(readFileSync(fontFile()));
		expect(contours(font, '0')).toBe(2);
		// The check itself works: Atkinson Hyperlegible, the font the cards used before, slashes its zero.
		const atkinson = create(readFileSync('node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff'));
		expect(contours(atkinson, '0')).toBeGreaterThan(2);
	});

	test('covers every character the cards draw', () => {
		const font = create(readFileSync(fontFile()));
		for (const char of '0123456789 ’‘“”–—·:/.-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéÉ£') expect((font as any).hasGlyphForCodePoint(char.codePointAt(0)!), char).toBe(true);
	});
});

describe('statementFontSize', () => {
	test('shrinks as the text grows, within legible bounds', () => {
		const short = statementFontSize('x'.repeat(60));
		const medium = statementFontSize('x'.repeat(160));
		const longest = statementFontSize('x'.repeat(280));
		expect(short).toBeGreaterThan(medium);
		expect(medium).toBeGreaterThan(longest);
		expect(short).toBeLessThanOrEqual(58);
		// 34px on a 1200px-wide card is still larger than most body text in a feed preview.
		expect(longest).toBeGreaterThanOrEqual(34);
	});
});

describe('pngSize', () => {
	test('reads width and height from the IHDR chunk, and rejects files that are not PNGs', () => {
		const header = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 4, 0xb0, 0, 0, 2, 0x76]);
		expect(pngSize(header)).toEqual({ width: 1200, height: 630 });
		expect(() => pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>......'))).toThrow(/not a PNG/);
	});
});

test('displayAddress drops the scheme', () => {
	expect(displayAddress('https://example.org/lcsi/findings/5/')).toBe('example.org/lcsi/findings/5/');
});
