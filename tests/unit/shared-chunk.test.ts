import { expect, test } from 'vitest';
import { sharedChunk } from '../../src/lib/shared-chunk.ts';

test("every page's script and the small modules page scripts share with it go in one chunk", () => {
	for (const id of [
		'/work/site/src/components/SiteScripts.astro?astro&type=script&index=0&lang.ts',
		'/work/site/src/scripts/copy-link.ts',
		'/work/site/src/scripts/cite-this.ts',
		'/work/site/src/scripts/text-fragment-loader.ts',
		'/work/site/src/scripts/search-highlight.ts',
		'/work/site/src/scripts/announce.ts',
		'/work/site/src/scripts/copy-text.ts',
		'/work/site/src/lib/search-param.ts',
		'\0vite/preload-helper.js',
		'C:\\site\\src\\lib\\citation.ts',
	])
		expect(sharedChunk(id), id).toBe('site');
});

test("the search's word handling, page scripts and what is loaded on demand are left to the bundler", () => {
	for (const id of [
		'/work/site/src/lib/search-query.ts',
		'/work/site/src/scripts/search-ui.ts',
		'/work/site/src/scripts/text-fragment.ts',
		'/work/site/src/scripts/pathway-diagram.ts',
		'/work/site/src/pages/search.astro?astro&type=script&index=0&lang.ts',
		'/work/site/src/pages/findings/index.astro?astro&type=script&index=0&lang.ts',
	])
		expect(sharedChunk(id), id).toBeUndefined();
});
