/**
 * Link and fragment checking over a built site folder, with no network: every URL a page
 * refers to (links, stylesheets, scripts, images, srcset, form actions, SVG references, the
 * canonical and social-card URLs) must resolve to a file in the folder, under the base path
 * the site was built for; every `#fragment` must name an element (id, or a[name]) on the
 * target page. Links to other sites are not fetched, but must be https (or mailto:/tel:).
 *
 * `extractLinks` and `checkLinks` are pure (HTML and a file list in, problems out);
 * `readSite` reads a folder; scripts/check-links.ts and tests/browser/links.test.ts run them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse } from 'parse5';

export interface Link {
	/** Where the URL was found, e.g. `a[href]`, `img[srcset]`, `meta[og:image]`. */
	where: string;
	url: string;
}

export interface PageLinks {
	/** Every fragment target on the page: element ids and the names of `<a name>`. */
	ids: Set<string>;
	links: Link[];
}

export interface SiteIndex {
	/** Every file in the folder, as a path relative to it with `/` separators. */
	files: Set<string>;
	/** The links and fragment targets of each HTML file, keyed like `files`. */
	pages: Map<string, PageLinks>;
}

export interface CheckOptions {
	/** The base path the site was built under, e.g. `/` or `/lcsi/`. */
	base: string;
	/** The site's own origin (SITE_URL): absolute URLs on it are checked like internal ones. */
	origin?: string;
}

export interface LinkProblem {
	/** Site path of the page the link is on, e.g. `/lcsi/findings/`. */
	page: string;
	where: string;
	url: string;
	problem: string;
}

/** Attributes that hold one URL, by element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
	a: ['href', 'xlink:href'],
	area: ['href'],
	link: ['href'],
	script: ['src'],
	img: ['src'],
	source: ['src'],
	iframe: ['src'],
	video: ['src', 'poster'],
	audio: ['src'],
	track: ['src'],
	embed: ['src'],
	object: ['data'],
	form: ['action'],
	use: ['href', 'xlink:href'],
	image: ['href', 'xlink:href'],
};
/** Attributes that hold a list of image candidates ("url 2x, url 640w"). */
const SRCSET_ELEMENTS = new Set(['img', 'source']);
/** Meta tags whose content is a URL a crawler or a social network will fetch. */
const URL_META = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image']);

interface Parse5Node {
	nodeName: string;
	tagName?: string;
	attrs?: { name: string; value: string; prefix?: string }[];
	childNodes?: Parse5Node[];
	content?: Parse5Node;
}

/** The ids and outgoing URLs of one HTML document. */
export function extractLinks(html: string): PageLinks {
	const ids = new Set<string>();
	const links: Link[] = [];
	const walk = (node: Parse5Node, inTemplate: boolean) => {
		if (node.tagName && node.attrs) {
			const attrs = new Map(node.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value]));
			const tag = node.tagName;
			// Elements inside <template> are not in the document until a script clones them, so
			// they are not fragment targets; their links are still checked.
			if (!inTemplate) {
				const id = attrs.get('id');
				if (id) ids.add(id);
				const name = attrs.get('name');
				if (tag === 'a' && name) ids.add(name);
			}
			for (const attr of URL_ATTRIBUTES[tag] ?? []) {
				const value = attrs.get(attr);
				if (value !== undefined) links.push({ where: `${tag}[${attr}]`, url: value });
			}
			const srcset = attrs.get('srcset');
			if (SRCSET_ELEMENTS.has(tag) && srcset) {
				for (const candidate of srcset.split(',')) {
					const url = candidate.trim().split(/\s+/)[0];
					if (url) links.push({ where: `${tag}[srcset]`, url });
				}
			}
			const property = attrs.get('property') ?? attrs.get('name');
			const content = attrs.get('content');
			if (tag === 'meta' && property && URL_META.has(property) && content !== undefined) links.push({ where: `meta[${property}]`, url: content });
			// <meta http-equiv="refresh" content="0;url=/findings/5-local-knowledge/">: a redirect page.
			const refresh = tag === 'meta' && attrs.get('http-equiv')?.toLowerCase() === 'refresh' && content ? /url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1] : undefined;
			if (refresh) links.push({ where: 'meta[refresh]', url: refresh.trim() });
		}
		for (const child of node.childNodes ?? []) walk(child, inTemplate);
		if (node.content) walk(node.content, true);
	};
	walk(parse(html) as unknown as Parse5Node, false);
	return { ids, links };
}

/** The site path a file is served at: `findings/index.html` → `/findings/`. */
export function pagePath(file: string, base: string): string {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	return prefix + (file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file);
}

const PLACEHOLDER_ORIGIN = 'http://site.invalid';
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** What is wrong with one URL on one page, or undefined when it resolves. */
export function checkUrl(url: string, fromFile: string, site: SiteIndex, options: CheckOptions): string | undefined {
	const raw = url.trim();
	if (raw === '') return 'empty URL';
	const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
	const origin = options.origin ?? PLACEHOLDER_ORIGIN;
	if (/^(mailto|tel):./i.test(raw)) return undefined;
	if (/^data:/i.test(raw)) return undefined;
	if (raw.startsWith('//')) return 'protocol-relative URL: write https:// in full';
	let target: URL;
	try {
		target = new URL(raw, origin + pagePath(fromFile, base));
	} catch {
		return 'not a valid URL';
	}
	if (HAS_SCHEME.test(raw) && target.origin !== origin) {
		if (target.protocol === 'https:') return undefined;
		return `links to other sites must use https (this is ${target.protocol})`;
	}

	let path: string;
	try {
		path = decodeURIComponent(target.pathname);
	} catch {
		return 'badly encoded path';
	}
	if (!path.startsWith(base)) return `outside the site's base path ${base}`;
	const rel = path.slice(base.length);
	let file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
	if (!site.files.has(file)) {
		if (site.files.has(`${rel}/index.html`)) return 'missing trailing slash (the site is built with trailingSlash: "always")';
		return `no such file in the build (looked for ${file})`;
	}

	const hashAt = raw.indexOf('#');
	if (hashAt === -1) return undefined;
	const fragment = decodeURIComponent(raw.slice(hashAt + 1));
	if (fragment === '') return 'empty fragment "#": link to an element, or use a button';
	const page = site.pages.get(file);
	if (!page) return undefined; // a fragment on a non-HTML file (e.g. an SVG view) is not ours to check
	// "#top" scrolls to the top of any page, by the HTML standard.
	if (page.ids.has(fragment) || fragment.toLowerCase() === 'top') return undefined;
	file = file === 'index.html' ? '' : file;
	return `no element with id "${fragment}" on ${pagePath(file, base)}`;
}

/** Every problem with every link on every page. */
export function checkLinks(site: SiteIndex, options: CheckOptions): LinkProblem[] {
	const problems: LinkProblem[] = [];
	for (const [file, page] of [...site.pages].sort(([a], [b]) => a.localeCompare(b))) {
		for (const link of page.links) {
			const problem = checkUrl(link.url, file, site, options);
			if (problem) problems.push({ page: pagePath(file, options.base), ...link, problem });
		}
	}
	return problems;
}

export function formatProblem(p: LinkProblem): string {
	return `${p.page}: ${p.where} "${p.url}": ${p.problem}`;
}

/** Read a built site folder: every file's path, and the links of every HTML file. */
export async function readSite(dir: string): Promise<SiteIndex> {
	const files = new Set<string>();
	const walk = async (d: string): Promise<void> => {
		for (const entry of await readdir(d, { withFileTypes: true })) {
			const full = join(d, entry.name);
			if (entry.isDirectory()) await walk(full);
			else files.add(relative(dir, full).split(sep).join('/'));
		}
	};
	await walk(dir);
	const pages = new Map<string, PageLinks>();
	await Promise.all(
		[...files]
			.filter((f) => f.endsWith('.html'))
			.map(async (f) => {
				pages.set(f, extractLinks(await readFile(join(dir, f), 'utf8')));
			}),
	);
	return { files, pages };
}

/** The origin and base a folder was built for, read from its home page's canonical link. */
export async function builtFor(dir: string): Promise<{ origin: string; base: string } | undefined> {
	const html = await readFile(join(dir, 'index.html'), 'utf8').catch(() => '');
	const canonical = /<link\s[^>]*rel="canonical"[^>]*>/.exec(html)?.[0];
	const href = canonical && /href="([^"]+)"/.exec(canonical)?.[1];
	if (!href) return undefined;
	const url = new URL(href);
	return { origin: url.origin, base: url.pathname };
}
