/**
 * Social card images (Open Graph / Twitter, 1200×630 PNG), drawn at build time: satori lays
 * out a small element tree as SVG with real text shaping and wrapping, and resvg turns the
 * SVG into a PNG. Everything is self-hosted: the font comes from node_modules, so building a
 * card needs no network and a shared link never loads anything from elsewhere.
 *
 * The font is Noto Sans, whose zero is an open oval: Atkinson Hyperlegible (the site's other
 * local font) slashes its zero, so finding 10 read "1Ø". The only copy of Noto Sans installed
 * is the one harfbuzzjs (satori's own text shaper, pinned by the lockfile) ships; a
 * `@fontsource/noto-sans` dependency would be the tidier home for it (see fontFile()).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { SITE_NAME } from './citation.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The site palette (src/styles/global.css): header navy, and the dark scheme's accent on it. */
const COLOURS = {
	background: '#0f2a44',
	text: '#ffffff',
	muted: '#c5d3e2',
	accent: '#6fd6b7',
	accentText: '#0b1a15',
	rule: '#2b4a6b',
} as const;

export const FONT_FAMILY = 'Noto Sans';

/** Where Noto Sans Regular (TrueType, full Latin, Greek and Cyrillic) is installed. */
export function fontFile(): string {
	const require = createRequire(import.meta.url);
	// Resolved from satori, which depends on harfbuzzjs, so any install layout finds it.
	const fromSatori = createRequire(require.resolve('satori'));
	return join(dirname(fromSatori.resolve('harfbuzzjs/package.json')), 'test/fonts/noto/NotoSans-Regular.ttf');
}

let fontsPromise: Promise<Array<{ name: string; data: Buffer; weight: 400; style: 'normal' }>> | undefined;

function loadFonts() {
	fontsPromise ??= readFile(fontFile()).then((data) => [{ name: FONT_FAMILY, data, weight: 400 as const, style: 'normal' as const }]);
	return fontsPromise;
}

/** satori takes React-like element objects; this builds them without React or JSX. */
interface CardNode {
	type: string;
	props: { style?: Record<string, string | number>; children?: CardChild | CardChild[] };
}
type CardChild = CardNode | string;

function el(style: Record<string, string | number>, children?: CardChild | CardChild[]): CardNode {
	return { type: 'div', props: { style: { display: 'flex', ...style }, children } };
}

/**
 * A font size at which `text` fills the space below the heading without overflowing: the
 * area the text needs grows with the square of the size, so the size goes with 1/√length.
 * Tuned by eye on the real statements (99–218 characters) so each fits beside the badge with a
 * two-line heading; the longest the schema allows (280) still fits, at the minimum size.
 */
export function statementFontSize(text: string, { min = 34, max = 58 } = {}): number {
	const size = Math.floor(Math.sqrt(320_000 / Math.max(text.length, 1)));
	return Math.min(max, Math.max(min, size));
}

export interface CardContent {
	/** Short line above the main text, e.g. "Finding 5 of 12 · Local knowledge matters most". */
	eyebrow: string;
	/** The main text: a finding's statement, or the site's one-line description. */
	text: string;
	/** Large badge on the left, e.g. the finding number; omitted on the site card. */
	badge?: string;
	/** The evidence level under the badge, e.g. "Moderate"; shown only with a badge. */
	evidence?: string;
	/** Where the page lives, shown at the foot, e.g. "example.org/findings/5/". */
	address: string;
}

/** The card as a satori element tree (exported so tests can check what is drawn). */
export function cardTree({ eyebrow, text, badge, evidence, address }: CardContent): CardNode {
	const header = el({ justifyContent: 'space-between', alignItems: 'center', fontSize: 30, color: COLOURS.muted }, [
		el({ fontWeight: 700, color: COLOURS.text }, SITE_NAME),
		el({}, 'Local civil society infrastructure · England'),
	]);
	const main = el({ flexDirection: 'column', flexGrow: 1, flexShrink: 1, minWidth: 0 }, [
		el({ fontSize: 30, fontWeight: 700, color: COLOURS.accent, marginBottom: 18, lineHeight: 1.2 }, eyebrow),
		el({ fontSize: statementFontSize(text), lineHeight: 1.22, color: COLOURS.text }, text),
	]);
	const circle = (label: string) =>
		el(
			{
				width: 190,
				height: 190,
				flexShrink: 0,
				borderRadius: 95,
				background: COLOURS.accent,
				color: COLOURS.accentText,
				alignItems: 'center',
				justifyContent: 'center',
				fontSize: label.length > 1 ? 100 : 120,
				fontWeight: 700,
			},
			label,
		);
	// The evidence level sits under the number, so a shared finding never travels without it.
	const level = (label: string) =>
		el({ flexDirection: 'column', alignItems: 'center', marginTop: 22, padding: '8px 0', width: 190, border: `3px solid ${COLOURS.accent}`, borderRadius: 14 }, [
			el({ fontSize: 22, letterSpacing: 2, color: COLOURS.muted }, 'EVIDENCE'),
			el({ fontSize: 36, color: COLOURS.text, lineHeight: 1.1 }, label),
		]);
	const side = badge ? [el({ flexDirection: 'column', alignItems: 'center', flexShrink: 0 }, [circle(badge), ...(evidence ? [level(evidence)] : [])])] : [];
	const body = el({ flexGrow: 1, alignItems: 'center', gap: 48, marginTop: 36, marginBottom: 28 }, [...side, main]);
	// The address keeps to one line; the tagline gives way if a long address needs the room.
	const footer = el({ borderTop: `3px solid ${COLOURS.rule}`, paddingTop: 20, justifyContent: 'space-between', gap: 32, fontSize: 25, color: COLOURS.muted }, [
		el({ flexShrink: 0 }, address),
		el({ flexShrink: 1, textAlign: 'right' }, 'Evidence from the DCMS-funded LCSI research'),
	]);
	return el(
		{
			width: CARD_WIDTH,
			height: CARD_HEIGHT,
			// The size includes the padding and the accent edge (satori's root is content-box otherwise).
			boxSizing: 'border-box',
			flexDirection: 'column',
			padding: '56px 64px 48px',
			background: COLOURS.background,
			borderLeft: `16px solid ${COLOURS.accent}`,
			fontFamily: FONT_FAMILY,
		},
		[header, body, footer],
	);
}

/** Draw a card and return it as PNG bytes, exactly 1200×630. */
export async function renderCard(content: CardContent): Promise<Uint8Array<ArrayBuffer>> {
	const svg = await satori(cardTree(content) as unknown as Parameters<typeof satori>[0], {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts: await loadFonts(),
	});
	const png = new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
	return new Uint8Array(png);
}

/** "example.org/lcsi/findings/5/": an absolute URL without its scheme, for the card's foot. */
export function displayAddress(url: string): string {
	return url.replace(/^https?:\/\//, '');
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), for checking cards without a decoder. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw new Error('PNG without an IHDR chunk first');
	return { width: view.getUint32(16), height: view.getUint32(20) };
}
