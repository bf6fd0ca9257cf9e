/**
 * Gives every `h2`/`h3` in content a visible "copy link to this section" control.
 *
 * Markup follows Starlight's (PR withastro/starlight#3033): the link sits *after* the heading,
 * not inside it, so the heading's accessible name stays clean, and its screen-reader label is
 * kept out of the search index. Without JavaScript it is an ordinary link to the section;
 * `src/scripts/copy-link.ts` turns a click into a copy of the full URL.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { LINK_ICON_PATH, anchorLabel } from '../lib/anchors.ts';

const levels = new Set(['h2', 'h3']);

/** The anchor markup for one heading (AnchorHeading.astro emits the same for page headings). */
export function anchorLink(id: string, headingText: string): Element {
	return {
		type: 'element',
		tagName: 'a',
		properties: { className: ['anchor-link'], href: `#${id}`, dataCopyLink: '' },
		children: [
			linkIcon(),
			{
				type: 'element',
				tagName: 'span',
				properties: { className: ['sr-only'], dataPagefindIgnore: '' },
				children: [{ type: 'text', value: anchorLabel(headingText) }],
			},
		],
	};
}

function linkIcon(): Element {
	return {
		type: 'element',
		tagName: 'svg',
		properties: { ariaHidden: 'true', focusable: 'false', width: 16, height: 16, viewBox: '0 0 24 24', className: ['icon'] },
		children: [
			{
				type: 'element',
				tagName: 'path',
				properties: {
					fill: 'none',
					stroke: 'currentColor',
					strokeWidth: '2',
					strokeLinecap: 'round',
					d: LINK_ICON_PATH,
				},
				children: [],
			},
		],
	};
}

export default function rehypeHeadingAnchors() {
	return (tree: Root) => {
		visit(tree, 'element', (node, index, parent) => {
			if (!parent || index === undefined || !levels.has(node.tagName)) return;
			const id = node.properties?.id;
			if (typeof id !== 'string' || id === '') return;
			const wrapper: Element = {
				type: 'element',
				tagName: 'div',
				properties: { className: ['heading-wrapper', `level-${node.tagName}`] },
				children: [node, anchorLink(id, toString(node).trim()) as ElementContent],
			};
			parent.children[index] = wrapper;
			// Skip the wrapper's children: the heading has been handled.
			return index + 1;
		});
	};
}
