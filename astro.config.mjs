// @ts-check
import mdx from '@astrojs/mdx';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import rehypeBaseLinks from './src/integrations/rehype-base-links.ts';
import rehypeGlossaryLinks from './src/integrations/rehype-glossary-links.ts';
import rehypeHeadingAnchors from './src/integrations/rehype-heading-anchors.ts';
import rehypeParagraphIds from './src/integrations/rehype-paragraph-ids.ts';
import rehypeSourceNotes from './src/integrations/rehype-source-notes.ts';
import modulePreload from './src/integrations/module-preload.ts';
import pagefind from './src/integrations/pagefind.ts';
import { indexablePage } from './src/integrations/sitemap-filter.ts';
import { contentDir } from './src/lib/contentDir.ts';
import { sharedChunk } from './src/lib/shared-chunk.ts';

// One place for where the site lives. SITE_URL gives canonical and social-card URLs;
// BASE_PATH hosts the site under a sub-path such as /lcsi/. A production build must be told
// its address: built with a default, every citation, card and feed link would point at
// localhost once deployed. `npm start`, the tests and the bench pass a local origin themselves.
const isBuild = process.argv.slice(2).includes('build');
if (isBuild && !process.env.SITE_URL) {
	console.error('SITE_URL is not set: a production build needs the address the site will be served from, e.g. SITE_URL=https://evidence.example.org npm run build (for a local copy: npm start).');
	process.exit(1);
}
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';
// Tests and benchmarks build into other folders (dist-sub/, temporary copies); each output
// folder gets its own cache so parallel builds never share one.
const outDir = process.env.LCSI_OUT_DIR ?? './dist';
const cacheName = outDir.replace(/[^a-z0-9]+/gi, '-').replace(/^-+|-+$/g, '');

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	// Stylesheets are inlined: one render-blocking request fewer before first paint (the CSS is
	// about 3 KB compressed, less than a round trip costs on a phone).
	build: { format: 'directory', inlineStylesheets: 'always' },
	outDir,
	cacheDir: `./.astro/cache/${cacheName}`,
	// The sitemap leaves out pages marked noindex (short /findings/N/ redirects, search, 404).
	integrations: [mdx(), modulePreload(), sitemap({ filter: indexablePage(fileURLToPath(new URL(`${outDir}/`, import.meta.url)), base) }), pagefind()],
	markdown: {
		// Content has no source code; the one plain-text block (a citation example) needs no
		// colours, and Shiki's inline theme styles would break the no-inline-style rule.
		syntaxHighlight: false,
		// Astro 7's default processor (Sätteri) does not run rehype plugins; these need unified.
		processor: unified({
			rehypePlugins: [
				// First, so the "Sources" heading it adds gets an id and a copy-link control.
				[rehypeSourceNotes, { contentDir: contentDir() }],
				rehypeHeadingIds,
				rehypeHeadingAnchors,
				[rehypeGlossaryLinks, { glossaryPath: `${contentDir()}/glossary.yaml` }],
				[rehypeBaseLinks, { base }],
				// Last: a stable id and a copy-link control for each paragraph of findings and reports.
				rehypeParagraphIds,
			],
		}),
	},
	devToolbar: { enabled: false },
	vite: {
		build: {
			rollupOptions: {
				output: {
					// The small modules that several page scripts share travel as one file, not one
					// request each: on a slow phone connection each request waits its turn for one of
					// the browser's six connections to a host (src/lib/shared-chunk.ts).
					manualChunks: sharedChunk,
				},
				// Every MDX module carries Astro's "use astro:head-inject" directive; the bundler's
				// warning about it is noise, not a problem in our content.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
});
