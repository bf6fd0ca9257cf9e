/**
 * Scripts written into the page as source. Build time only.
 */
import { buildSync, transformSync } from 'esbuild';

/**
 * A function's source, minified: the search box's and search page's early scripts, which must
 * listen before any module script could arrive (every page carries the box's).
 */
export function minifiedScript(source: string): string {
	return transformSync(source, { minify: true, target: 'es2020', loader: 'js' }).code.trim();
}

/**
 * A module and everything it imports, as one minified script for `<script type="module">` in the
 * page: the search page's own script, which then costs no request of its own (over HTTP/1.1 each
 * would hold one of the browser's six connections a round trip; src/pages/search.astro).
 * `import.meta.env.BASE_URL` is the build's base path, as Vite would give it.
 */
export function bundledModule(entry: string, base: string): string {
	const { outputFiles } = buildSync({
		entryPoints: [entry],
		bundle: true,
		format: 'esm',
		minify: true,
		target: 'es2022',
		write: false,
		legalComments: 'none',
		define: { 'import.meta.env.BASE_URL': JSON.stringify(base) },
	});
	const code = outputFiles[0]?.text.trim() ?? '';
	// esbuild escapes "</script" in strings; a bundle that still had it would end the element early.
	if (/<\/script/i.test(code)) throw new Error(`${entry}: the bundle contains "</script", which would end its script element`);
	return code;
}
