/**
 * The site loads nothing from any other host. The browser tests see requests, but some markup
 * reaches another host without a request they can catch (a preconnect or dns-prefetch opens a
 * connection and sends none; a prefetch or prerender may not happen while a test looks), and
 * some is only used later (a form's action, a meta refresh). So the built HTML is read too:
 * every URL in it that would make the browser fetch or connect must be this site's own.
 *
 * What may point elsewhere: a link a reader follows to leave the site (`<a href>`, `<area
 * href>`), `<link>` relations that only describe (alternate, author, license, ...), and
 * citations (`cite`, `itemtype`). The canonical link and the Open Graph and Twitter meta must
 * be the site's own origin, like any `<meta content>` that holds a URL.
 */
import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** `<link rel>` values that fetch nothing: navigation and description only. */
const DESCRIPTIVE_RELS = new Set(['alternate', 'author', 'bookmark', 'external', 'help', 'license', 'next', 'prev', 'me', 'tag', 'privacy-policy', 'terms-of-service', 'nofollow', 'noopener', 'noreferrer', 'opener']);
/** Attributes whose value is one URL the browser may fetch, on whatever element. */
const FETCHED = new Set(['src', 'poster', 'action', 'formaction', 'background', 'codebase', 'manifest', 'ping', 'lowsrc', 'dynsrc', 'longdesc', 'profile']);
/** Attributes that hold a list of "URL width" candidates. */
const SRCSETS = new Set(['srcset', 'imagesrcset']);
/** Schemes that reach a host (others, such as data:, mailto: or javascript:, do not). */
const NETWORK = /^(?:https?|wss?|ftp):$/;
const LOOKS_LIKE_URL = /^\s*(?:(?:https?|wss?|ftp):)?\/\/[^\s/]/i;

function* elements(node: Node): Generator<Element> {
	if ('tagName' in node) yield node;
	if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
	if ('content' in node && node.content) yield* elements(node.content as Node);
}

const textOf = (el: Element) => el.childNodes.map((c) => ('value' in c ? c.value : '')).join('');

/** The host a URL reaches when it is not `origin`, or null (same origin, relative, or no host at all). */
function foreignHost(value: string, origin: string): string | null {
	let url: URL;
	try {
		url = new URL(value.trim(), `${origin}/`);
	} catch {
		return null;
	}
	if (!NETWORK.test(url.protocol) || url.origin === origin) return null;
	return url.host;
}

/** URLs in CSS: `url(…)` and `@import "…"`. */
function cssUrls(css: string): string[] {
	return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/gi)].map((m) => m[2] ?? m[4]!);
}

/** `content` of `<meta http-equiv="refresh" content="0; url=…">`. */
function refreshUrl(content: string): string | undefined {
	return /^\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?(['"]?)(.+?)\1\s*$/i.exec(content)?.[2];
}

/**
 * Every URL in `html` that would fetch from or connect to a host other than `origin`
 * (e.g. `http://localhost:4321`), one readable line each; empty when there is none.
 */
export function foreignResourceUrls(html: string, origin: string): string[] {
	const problems: string[] = [];
	for (const el of elements(parse(html) as unknown as Node)) {
		const tag = el.tagName;
		const attr = (name: string) => el.attrs.find((a) => a.name === name && !a.prefix)?.value;
		const report = (what: string, url: string) => {
			const host = foreignHost(url, origin);
			if (host) problems.push(`<${tag} ${what}="${url}">: another host (${host})`);
		};
		for (const { name, value, prefix } of el.attrs) {
			const qualified = prefix ? `${prefix}:${name}` : name;
			if (FETCHED.has(name)) report(qualified, value);
			else if (SRCSETS.has(name)) for (const candidate of value.split(/,\s+/)) report(qualified, candidate.trim().split(/\s+/)[0] ?? '');
			else if (name === 'data' && tag === 'object') report(name, value);
			else if (name === 'style') for (const url of cssUrls(value)) report('style', url);
			else if (name.startsWith('data-') && LOOKS_LIKE_URL.test(value)) report(name, value);
			else if (name === 'href' && tag !== 'a' && tag !== 'area' && tag !== 'link') report(qualified, value); // <base>, SVG <image>, <use>
		}
		if (tag === 'link') {
			const href = attr('href');
			const rels = (attr('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
			if (href !== undefined && !rels.every((r) => DESCRIPTIVE_RELS.has(r))) report(`rel="${rels.join(' ')}" href`, href);
		}
		if (tag === 'meta') {
			const content = attr('content') ?? '';
			if (attr('http-equiv')?.toLowerCase() === 'refresh') {
				const target = refreshUrl(content);
				if (target) report('http-equiv="refresh" content', target);
			} else if (LOOKS_LIKE_URL.test(content)) {
				report(`${attr('property') ? `property="${attr('property')}"` : `name="${attr('name') ?? ''}"`} content`, content);
			}
		}
		if (tag === 'style') for (const url of cssUrls(textOf(el))) report('style', url);
	}
	return problems;
}
