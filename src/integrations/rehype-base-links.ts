/**
 * Prefixes root-relative links in content (`/findings/5/`) with Astro's `base`, so authors
 * write site paths once and the site still works when hosted under a sub-path such as `/lcsi/`.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '../lib/urls.ts';

export default function rehypeBaseLinks(options: { base: string }) {
	return (tree: Root) => {
		visit(tree, 'element', (node) => {
			for (const attr of ['href', 'src'] as const) {
				const value = node.properties?.[attr];
				if (typeof value === 'string') node.properties[attr] = withBase(value, options.base);
			}
		});
	};
}
