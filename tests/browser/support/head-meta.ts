/**
 * What a built page's <head> says about sharing: canonical URL, robots and the Open Graph /
 * Twitter meta, read from the HTML file with parse5 (as a crawler or a social preview would,
 * without running scripts). Used by the social-card, sitemap and redirect tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface HeadMeta {
	canonical?: string;
	/** `<meta property|name="…" content="…">`, keyed by property or name (e.g. `og:image`, `robots`). */
	meta: Map<string, string>;
	/** Whether `<meta name="robots">` includes noindex. */
	noindex: boolean;
	/** Whether the page has a `data-pagefind-body` element (is in the search index). */
	indexedForSearch: boolean;
}

function* elements(node: Node): Generator<Element> {
	if ('tagName' in node) yield node;
	if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
	if ('content' in node && node.content) yield* elements(node.content as Node);
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** The file a site path is built to, e.g. `findings/5/` → `<dir>/findings/5/index.html`. */
export function pageFile(dir: string, path: string): string {
	return join(dir, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}

export function readHeadMeta(dir: string, path: string): HeadMeta {
	const doc = parse(readFileSync(pageFile(dir, path), 'utf8'));
	const meta = new Map<string, string>();
	let canonical: string | undefined;
	let indexedForSearch = false;
	for (const el of elements(doc as unknown as Node)) {
		if (el.tagName === 'link' && attr(el, 'rel') === 'canonical') canonical = attr(el, 'href');
		if (el.tagName === 'meta') {
			const key = attr(el, 'property') ?? attr(el, 'name');
			const content = attr(el, 'content');
			if (key && content !== undefined) meta.set(key, content);
		}
		if (attr(el, 'data-pagefind-body') !== undefined) indexedForSearch = true;
	}
	return { canonical, meta, noindex: /\bnoindex\b/.test(meta.get('robots') ?? ''), indexedForSearch };
}
