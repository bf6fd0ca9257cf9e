/**
 * Which built chunk a module goes in (Rollup's `manualChunks`, set in astro.config.mjs). Every
 * page's script (SiteScripts.astro: copy links, previews, the search shortcut and highlighting, Cite
 * this, link to a sentence) and the small modules other page scripts share with it travel as one
 * file, `site`: over a slow connection each request waits its turn for one of the browser's six
 * connections to a host, and carries its own headers, and small files compress worst. A page
 * script that needs a shared module imports it from that file, which every page has loaded
 * already. The search's own word handling stays out (reading pages do not need it), and so does
 * everything else: each page's own script is its own file, and what a script imports on demand
 * (the diagram's interactive layer, "link to this text") its own chunk.
 */
const SITE = [
	'/src/components/SiteScripts.astro?astro&type=script&index=0&lang.ts',
	'/src/scripts/copy-link.ts',
	'/src/scripts/source-preview.ts',
	'/src/scripts/search-shortcut.ts',
	'/src/scripts/search-highlight.ts',
	'/src/scripts/cite-this.ts',
	'/src/scripts/text-fragment-loader.ts',
	'/src/scripts/announce.ts',
	'/src/scripts/copy-text.ts',
	'/src/lib/citation.ts',
	'/src/lib/pack.ts',
	'/src/lib/search-param.ts',
	'/src/lib/search-shortcut.ts',
	'vite/preload-helper',
];

export function sharedChunk(id: string): string | undefined {
	const path = id.replaceAll('\\', '/');
	return SITE.some((end) => path.endsWith(end) || path.endsWith(`${end}.js`)) ? 'site' : undefined;
}
