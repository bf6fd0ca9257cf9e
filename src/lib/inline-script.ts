/**
 * A script written into the page as source (the search box's and search page's early scripts,
 * which must listen before any module script could arrive), minified: every page carries it.
 * Build time only.
 */
import { transformSync } from 'esbuild';

export function minifiedScript(source: string): string {
	return transformSync(source, { minify: true, target: 'es2020', loader: 'js' }).code.trim();
}
