/**
 * Which built chunk a module goes in (Rollup's `manualChunks`, set in astro.config.mjs). The
 * small modules that page scripts share, a few hundred bytes each, go in one `shared` chunk
 * (the search's own word handling stays out of it: reading pages do not need it);
 * everything else is left to the bundler (each page script its own file, and what a script
 * imports on demand, such as the diagram's interactive layer, its own chunk).
 */
const SHARED = ['/src/scripts/announce.ts', '/src/scripts/copy-text.ts', '/src/lib/citation.ts', '/src/lib/pack.ts', '/src/lib/search-param.ts', '/src/lib/search-shortcut.ts', 'vite/preload-helper'];

export function sharedChunk(id: string): string | undefined {
	const path = id.replaceAll('\\', '/');
	return SHARED.some((end) => path.endsWith(end) || path.endsWith(`${end}.js`)) ? 'shared' : undefined;
}
