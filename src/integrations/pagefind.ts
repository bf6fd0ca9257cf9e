/**
 * Builds the Pagefind index over the finished site, in Astro's `astro:build:done` hook,
 * with Pagefind's Node API (the approach Starlight and astro-pagefind take).
 * Only elements marked `data-pagefind-body` (each page's main content, see BaseLayout) are
 * indexed, with the filters and meta from SearchIndexMeta.astro; the search page and the
 * 404 page have no such element, so they stay out of the index.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Imported up front: the config's module runner is closed by the time build:done runs.
import { close, createIndex } from 'pagefind';

export default function pagefind(): AstroIntegration {
	return {
		name: 'lcsi-pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				try {
					const { index, errors } = await createIndex({});
					if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
					const added = await index.addDirectory({ path: outDir });
					if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
					if (added.page_count === 0) throw new Error(`Pagefind found no pages with data-pagefind-body in ${outDir}`);
					const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
					if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
					logger.info(`Indexed ${added.page_count} pages`);
				} finally {
					// Stop Pagefind's background service even when indexing failed, so the build exits.
					await close();
				}
			},
		},
	};
}
