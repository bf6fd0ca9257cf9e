/**
 * No request chains for page scripts: after the build, each page's `<head>` gets a
 * `<link rel="modulepreload">` for every module its scripts import statically (all the way
 * down), so the browser fetches the whole set at once instead of one import level per round
 * trip. Dynamic `import()`s stay lazy: they are loaded only when a reader needs them.
 *
 * Scripts and their preloads are fetched at low priority (`fetchpriority="low"`): every page
 * reads fully without them, so they should never compete with the HTML and its images for a
 * slow connection before the first paint (Chrome fetches module scripts at high priority by
 * default, and Lighthouse counts high-priority scripts as blocking the first paint). (The search
 * page, whose results its script makes, carries that script in the page: src/pages/search.astro.)
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Add modulepreload links for the static imports of the page's module scripts, all at low priority. */
export function addModulePreloads(html: string, read: (sitePath: string) => string | undefined): string {
	const entries = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
	if (entries.length === 0) return html;
	const imports = [...new Set(entries.flatMap((entry) => staticImports(entry, read)))].filter((d) => !entries.includes(d) && !html.includes(`href="${d}"`));
	const preloads = imports.map((d) => `<link rel="modulepreload" href="${d}" fetchpriority="low">`).join('');
	return html.replace(/<script type="module" src="([^"]+)">/g, (_, src: string) => `<script type="module" src="${src}" fetchpriority="low">`).replace('</head>', `${preloads}</head>`);
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
				for (const file of files) {
					const html = readFileSync(file, 'utf8');
					const next = addModulePreloads(html, read);
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
