/**
 * Gives every paragraph of a finding or report body a stable id and a small "copy link to this
 * paragraph" control, so a campaigner can link to one paragraph, and browsers without text
 * fragments still land on it.
 *
 * The id is `p-` and a short hash of the paragraph's words (lower case, letters and digits
 * only), so it stays the same from build to build, does not move when paragraphs are added
 * or reordered, and changes only when the paragraph's own words change. The numbered source
 * markers are left out of the words, so renumbering the sources does not change any id. Two
 * paragraphs with the same words get `-2`, `-3` in page order.
 *
 * The control goes at the end of the paragraph: an icon link to `#p-…` (src/scripts/copy-link.ts
 * copies the finding's short URL plus the fragment), named for screen readers by the
 * paragraph's first words, with no text of its own, so it never enters a quote, a text
 * fragment or the search index.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { LINK_ICON_PATH } from '../lib/anchors.ts';

export interface ParagraphIdOptions {
	/** Which MDX files get paragraph ids (matched against the file's path). */
	include?: RegExp;
}

/** Findings and report summaries, the pages readers quote and link to. */
export const DEFAULT_INCLUDE = /[\\/](findings|reports)[\\/][^\\/]+\.mdx?$/;

/** The words of a paragraph as the id sees them: lower case, letters and digits, single spaces. */
export function normaliseWords(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/['’‘]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** FNV-1a, 32 bits: small, fast and the same everywhere, which is all an id needs. */
function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (const byte of new TextEncoder().encode(text)) {
		hash ^= byte;
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** The id for a paragraph with these words, e.g. `p-1x9k2ab`. */
export function paragraphId(text: string): string {
	return `p-${fnv1a(normaliseWords(text)).toString(36).padStart(7, '0')}`;
}

/** The paragraph's text without its source markers (`[1]`) and without any earlier control. */
function wordsOf(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	if (node.type !== 'element') return '';
	const classes = ([] as unknown[]).concat(node.properties?.className ?? []);
	if (classes.includes('note-ref') || classes.includes('para-link')) return '';
	return node.children.map(wordsOf).join('');
}

/** The first few words, for the control's accessible name. */
function opening(text: string, words = 6): string {
	const all = text.replace(/\s+/g, ' ').trim().split(' ');
	return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ');
}

export function paragraphLink(id: string, text: string): Element {
	return {
		type: 'element',
		tagName: 'a',
		properties: { className: ['para-link'], href: `#${id}`, dataCopyLink: '', dataPagefindIgnore: '', ariaLabel: `Copy link to the paragraph “${opening(text)}”` },
		children: [
			{
				type: 'element',
				tagName: 'svg',
				properties: { ariaHidden: 'true', focusable: 'false', width: 14, height: 14, viewBox: '0 0 24 24', className: ['icon'] },
				children: [{ type: 'element', tagName: 'path', properties: { fill: 'none', stroke: 'currentColor', strokeWidth: '2', strokeLinecap: 'round', d: LINK_ICON_PATH }, children: [] }],
			},
		],
	};
}

export default function rehypeParagraphIds(options: ParagraphIdOptions = {}) {
	const include = options.include ?? DEFAULT_INCLUDE;
	return (tree: Root, file: { path?: string }) => {
		if (!file.path || !include.test(file.path)) return;
		const taken = new Set<string>();
		visit(tree, 'element', (node) => {
			if (typeof node.properties?.id === 'string') taken.add(node.properties.id);
		});
		visit(tree, 'element', (node) => {
			const classes = ([] as unknown[]).concat(node.properties?.className ?? []);
			// The "Sources" endnotes are a list of references, not paragraphs to quote.
			if (classes.includes('source-notes')) return 'skip';
			if (node.tagName !== 'p' || node.properties?.id) return;
			const text = wordsOf(node);
			if (!normaliseWords(text)) return;
			const base = paragraphId(text);
			let id = base;
			for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
			taken.add(id);
			node.properties = { ...node.properties, id };
			node.children.push({ type: 'text', value: ' ' }, paragraphLink(id, text));
		});
	};
}
