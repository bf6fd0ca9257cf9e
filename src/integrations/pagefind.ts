/**
 * Builds the Pagefind index over the finished site, in Astro's `astro:build:done` hook,
 * with Pagefind's Node API (the approach Starlight and astro-pagefind take).
 * Only elements marked `data-pagefind-body` (each page's main content) are indexed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export default function pagefind(): AstroIntegration {
	return {
		name: 'lcsi-pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const { createIndex, close } = await import('pagefind');
				const outDir = fileURLToPath(dir);
				const { index, errors } = await createIndex({});
				if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
				const added = await index.addDirectory({ path: outDir });
				if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
				const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
				if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
				logger.info(`Indexed ${added.page_count} pages`);
				await close();
			},
		},
	};
}
