import { expect, test } from 'vitest';
import { sharedChunk } from '../../src/lib/shared-chunk.ts';

test('the small shared modules go in one chunk; page scripts, the search and lazy layers do not', () => {
	for (const id of ['/work/site/src/scripts/announce.ts', '/work/site/src/scripts/copy-text.ts', '/work/site/src/lib/search-param.ts', '\0vite/preload-helper.js', 'C:\\site\\src\\lib\\citation.ts']) expect(sharedChunk(id), id).toBe('shared');
	for (const id of ['/work/site/src/lib/search-query.ts', '/work/site/src/scripts/search-ui.ts', '/work/site/src/scripts/text-fragment.ts', '/work/site/src/scripts/pathway-diagram.ts', '/work/site/src/layouts/BaseLayout.astro?astro&type=script&index=0&lang.ts']) expect(sharedChunk(id), id).toBeUndefined();
});
