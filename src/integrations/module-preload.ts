/**
 * No request chains for page scripts: after the build, each page's `<head>` gets a
 * `<link rel="modulepreload">` for every module its scripts import statically (all the way
 * down), so the browser fetches the whole set at once instead of one import level per round
 * trip. Dynamic `import()`s stay lazy: they are loaded only when a reader needs them.
 *
 * Scripts and their preloads are fetched at low priority (`fetchpriority="low"`): every page
 * reads fully without them, so they should never compete with the HTML and its images for a
 * slow connection before the first paint (Chrome fetches module scripts at high priority by
 * default, and Lighthouse counts high-priority scripts as blocking the first paint). A page
 * whose content is made by its scripts (the search page) marks that content
 * `data-scripts-primary`: the scripts that make it keep the default priority and come first.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_PAGE_SCRIPTS } from '../lib/pagefind-build.ts';

/** Static imports in a minified module: `import"./a.js"`, `from"./b.js"` (also with spaces). */
const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

/** Every module a script imports statically, transitively, as site paths (not the script itself). */
export function staticImports(entry: string, read: (sitePath: string) => string | undefined): string[] {
	const seen = new Set<string>();
	const visit = (path: string) => {
		const code = read(path);
		if (code === undefined) return;
		for (const m of code.matchAll(STATIC_IMPORT)) {
			const dep = posix.join(posix.dirname(path), m[1]!);
			if (!seen.has(dep) && dep !== entry) {
				seen.add(dep);
				visit(dep);
			}
		}
	};
	visit(entry);
	return [...seen];
}

/**
 * The module scripts a page's content is made by: those inside its `data-scripts-primary`
 * element or after it within `<main>` (the search page's own script; not the header's or the
 * layout's, which every page has).
 */
function primaryEntries(html: string): Set<string> {
	const from = html.search(/\sdata-scripts-primary[\s>=]/);
	if (from === -1) return new Set();
	const to = html.indexOf('</main>', from);
	const region = html.slice(from, to === -1 ? undefined : to);
	return new Set([...region.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!));
}

/** Scripts and all they import statically, each once, in the order they are needed. */
function withImports(entries: Iterable<string>, read: (sitePath: string) => string | undefined): string[] {
	return [...new Set([...entries].flatMap((entry) => [entry, ...staticImports(entry, read)]))];
}

/** A page's primary scripts (see primaryEntries) and all they import statically, in the order the page needs them. */
export function primaryScripts(html: string, read: (sitePath: string) => string | undefined): string[] {
	return withImports(primaryEntries(html), read);
}

/**
 * The header box prefetches the search page's scripts once a reader shows intent
 * (src/scripts/search-warm.ts): put their names where the page has SEARCH_PAGE_SCRIPTS.
 */
export function fillSearchPageScripts(html: string, scripts: string[]): string {
	return html.replaceAll(SEARCH_PAGE_SCRIPTS, scripts.join(' '));
}

/**
 * Add modulepreload links for the static imports of the page's module scripts, all at low
 * priority. A page made by its scripts (`data-scripts-primary`) has its own scripts and what
 * they import preloaded first thing in its head, at the default priority, so they are among
 * the first requests the page makes (over HTTP/1.1 a browser opens six connections to a host;
 * found at the end of a long page, they would queue behind its other preloads). They are also
 * `async`: they run as soon as they arrive, not after the header's low-priority script that
 * comes before them (module scripts otherwise run in page order). What they use is above them
 * in the page, so it has been parsed by then.
 */
export function addModulePreloads(html: string, read: (sitePath: string) => string | undefined): string {
	const entries = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
	if (entries.length === 0) return html;
	const primary = primaryEntries(html);
	const first = withImports(primary, read);
	const rest = withImports(entries.filter((e) => !primary.has(e)), read).filter((d) => !entries.includes(d) && !first.includes(d));
	const link = (href: string, low: boolean) => (html.includes(`href="${href}"`) ? '' : `<link rel="modulepreload" href="${href}"${low ? ' fetchpriority="low"' : ''}>`);
	const early = first.map((d) => link(d, false)).join('');
	const late = rest.map((d) => link(d, true)).join('');
	return html
		.replace(/<script type="module" src="([^"]+)">/g, (_, src: string) => `<script type="module" src="${src}"${primary.has(src) ? ' async' : ' fetchpriority="low"'}>`)
		.replace(/<head>(\s*<meta charset="[^"]*">)?/, (head) => `${head}${early}`)
		.replace('</head>', `${late}</head>`);
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => join(e.parentPath, e.name));
}

export default function modulePreload(): AstroIntegration {
	let base = '/';
	return {
		name: 'lcsi-module-preload',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				// Site paths ("/lcsi/_astro/a.js") back to files in the output folder.
				const read = (sitePath: string) => {
					if (!sitePath.startsWith(base)) return undefined;
					const file = join(outDir, sitePath.slice(base.length));
					return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
				};
				let changed = 0;
				const files = htmlFiles(outDir);
				// The search page (the page made by its scripts): its scripts go in every header box's warm list.
				const searchPage = files.find((file) => primaryEntries(readFileSync(file, 'utf8')).size > 0);
				const searchScripts = searchPage ? primaryScripts(readFileSync(searchPage, 'utf8'), read) : [];
				for (const file of files) {
					const html = readFileSync(file, 'utf8');
					const next = fillSearchPageScripts(addModulePreloads(html, read), searchScripts);
					if (next !== html) {
						writeFileSync(file, next);
						changed++;
					}
				}
				logger.info(`Preloaded static imports on ${changed} pages`);
			},
		},
	};
}
