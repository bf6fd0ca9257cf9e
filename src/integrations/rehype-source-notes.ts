/**
 * Turns each `<Source ref section quote />` in MDX into a numbered source note, GOV.UK style:
 * a small "[source N]" link in the text (`role="doc-noteref"`) and, at the end of the page, a
 * "Sources" list (`role="doc-endnotes"`) with the source's title, the exact heading of the
 * section, the quoted passage, a link to that passage in the original and a link back to
 * every place the note is used. `src/scripts/source-preview.ts` adds a preview on hover,
 * focus or tap; without JavaScript each marker is a plain link to its note.
 *
 * Keys are checked against `content/sources.yaml`: an unknown source or section key, or a
 * quote that is not in the named section of the source's text, stops the build with a
 * message naming the file and the key.
 *
 * Within one block (paragraph, list item), consecutive citations of the same note collapse
 * into the last one, so a paragraph that cites one passage sentence after sentence shows one
 * marker at its end.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { type Citation, type ResolvedCitation, citationLabel, loadSourceRegistry, type SourceRegistry } from '../lib/sources.ts';

interface JsxAttribute {
	type: 'mdxJsxAttribute';
	name: string;
	value?: unknown;
}
interface JsxElement {
	type: 'mdxJsxTextElement' | 'mdxJsxFlowElement';
	name: string | null;
	attributes: Array<JsxAttribute | { type: string }>;
	children: unknown[];
}

export const NOTE_ID = (n: number) => `source-note-${n}`;
export const REF_ID = (n: number, use: number) => `source-ref-${n}-${use}`;

type Parent = { children: Array<RootContent | ElementContent | JsxElement> };

function isSource(node: unknown): node is JsxElement {
	const n = node as JsxElement;
	return (n?.type === 'mdxJsxTextElement' || n?.type === 'mdxJsxFlowElement') && n.name === 'Source';
}

function readCitation(node: JsxElement): Citation & { problems: string[] } {
	const problems: string[] = [];
	const attrs: Record<string, string> = {};
	for (const a of node.attributes) {
		if (a.type !== 'mdxJsxAttribute') {
			problems.push('spread attributes are not allowed on <Source>');
			continue;
		}
		const attr = a as JsxAttribute;
		if (typeof attr.value !== 'string') problems.push(`attribute ${attr.name} must be a plain string`);
		else attrs[attr.name] = attr.value;
	}
	for (const name of Object.keys(attrs)) if (!['ref', 'section', 'quote'].includes(name)) problems.push(`unknown attribute "${name}"`);
	if (!attrs.ref) problems.push('missing ref=');
	return { ref: attrs.ref ?? '', section: attrs.section, quote: attrs.quote, problems };
}

const noteKey = (c: Citation) => JSON.stringify([c.ref, c.section ?? '', c.quote ?? '']);

interface Note {
	number: number;
	citation: ResolvedCitation;
	uses: number;
}

export interface SourceNotesOptions {
	/** The content folder holding `sources.yaml`. */
	contentDir?: string;
	/** A registry to use instead (tests). */
	registry?: SourceRegistry;
}

export default function rehypeSourceNotes(options: SourceNotesOptions = {}) {
	return (tree: Root, file: VFile) => {
		const registry = options.registry ?? loadSourceRegistry(options.contentDir ?? 'content');
		const where = file.path ? file.path.replace(`${process.cwd()}/`, '') : 'MDX content';
		const problems: string[] = [];
		const notes = new Map<string, Note>();

		const visitParent = (parent: Parent) => {
			// Collapse consecutive citations of one note inside this block: keep the last.
			const positions = parent.children.map((c, i) => (isSource(c) ? i : -1)).filter((i) => i >= 0);
			const drop = new Set<number>();
			for (let k = 0; k + 1 < positions.length; k++) {
				const a = readCitation(parent.children[positions[k]!] as JsxElement);
				const b = readCitation(parent.children[positions[k + 1]!] as JsxElement);
				if (noteKey(a) === noteKey(b)) drop.add(positions[k]!);
			}
			const out: Parent['children'] = [];
			parent.children.forEach((child, i) => {
				if (drop.has(i)) {
					// Also drop the space that stood before the removed marker ("words <Source/>. More").
					const prev = out.at(-1) as { type: string; value?: string } | undefined;
					if (prev?.type === 'text' && prev.value) prev.value = prev.value.replace(/\s+$/, '');
					return;
				}
				if (isSource(child)) {
					const marker = toMarker(child);
					if (marker) out.push(marker);
					return;
				}
				if (child && typeof child === 'object' && 'children' in child && Array.isArray((child as Parent).children)) visitParent(child as Parent);
				out.push(child);
			});
			parent.children = tidySpaces(out);
		};

		const toMarker = (node: JsxElement): Element | undefined => {
			const cite = readCitation(node);
			const label = `<Source ref="${cite.ref}"${cite.section ? ` section="${cite.section}"` : ''}>`;
			if (cite.problems.length > 0) {
				problems.push(...cite.problems.map((p) => `${where}: ${label}: ${p}`));
				return undefined;
			}
			const key = noteKey(cite);
			let note = notes.get(key);
			if (!note) {
				const resolved = registry.resolve(cite);
				if (!resolved.ok) {
					problems.push(...resolved.problems.map((p) => `${where}: ${label}: ${p}`));
					return undefined;
				}
				note = { number: notes.size + 1, citation: resolved.value, uses: 0 };
				notes.set(key, note);
			}
			note.uses += 1;
			return marker(note.number, note.uses);
		};

		visitParent(tree as unknown as Parent);
		if (problems.length > 0) throw new Error(`Source citations are not valid (${problems.length}):\n${problems.join('\n')}`);
		if (notes.size > 0) tree.children.push(...endnotes([...notes.values()]));
	};
}

/** Drop the space that stood before a marker ("words <Source/>." becomes "words[1]."). */
function tidySpaces(children: Parent['children']): Parent['children'] {
	for (let i = 1; i < children.length; i++) {
		const node = children[i] as Element;
		const prev = children[i - 1] as { type: string; value?: string };
		if (node.type === 'element' && node.properties?.className && String(node.properties.className).includes('note-ref') && prev.type === 'text' && prev.value) {
			prev.value = prev.value.replace(/\s+$/, '');
		}
	}
	return children;
}

function text(value: string): ElementContent {
	return { type: 'text', value };
}

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
	return { type: 'element', tagName, properties, children };
}

/** `<sup class="note-ref"><a href="#source-note-2" role="doc-noteref">[<span class="sr-only">source </span>2]</a></sup>` */
function marker(number: number, use: number): Element {
	return el('sup', { className: ['note-ref'], dataPagefindIgnore: '' }, [
		el('a', { href: `#${NOTE_ID(number)}`, id: REF_ID(number, use), role: 'doc-noteref', className: ['note-ref-link'], dataNote: String(number) }, [
			text('['),
			el('span', { className: ['sr-only'] }, [text('source ')]),
			text(`${number}]`),
		]),
	]);
}

function endnotes(notes: Note[]): RootContent[] {
	const items = notes.map(({ number, citation, uses }) => {
		const { source, section, quote, href } = citation;
		const sourceName: ElementContent = source.url ? el('a', { href: source.url, className: ['note-source'] }, [text(source.title)]) : text(source.title);
		const parts: ElementContent[] = [el('cite', {}, [sourceName])];
		if (source.publisher) parts.push(text(` (${source.publisher}${source.published ? `, ${source.published.getUTCFullYear()}` : ''})`));
		if (section) {
			parts.push(text(section.heading === null ? `, ${section.label}` : ', section '));
			if (section.heading !== null) parts.push(el('span', { className: ['note-section'] }, [text(`‘${section.heading}’`)]));
		}
		parts.push(text('.'));
		if (quote) {
			parts.push(text(' '), el('q', { className: ['note-passage'] }, [text(quote)]));
			if (href) parts.push(text(' '), el('a', { href, className: ['note-passage-link'] }, [text('Read this passage in the original')]));
		}
		const back: ElementContent[] = [];
		for (let use = 1; use <= uses; use++) {
			back.push(
				text(' '),
				el('a', { href: `#${REF_ID(number, use)}`, role: 'doc-backlink', className: ['note-backlink'], ariaLabel: `Back to the text${uses > 1 ? `, place ${use} of ${uses}` : ''}` }, [
					text(uses > 1 ? `↩ ${use}` : '↩'),
				]),
			);
		}
		return el('li', { id: NOTE_ID(number), dataLabel: citationLabel(citation) }, [...parts, el('span', { className: ['note-backlinks'] }, back)]);
	});
	return [
		el('section', { className: ['source-notes'], role: 'doc-endnotes', ariaLabelledBy: ['sources'], dataPagefindIgnore: '' }, [
			el('h2', { id: 'sources' }, [text('Sources')]),
			el('ol', { className: ['source-note-list'] }, items),
		]),
	];
}
