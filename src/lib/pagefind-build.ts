/**
 * Placeholder for the build's Pagefind tag in pages that preload or prefetch Pagefind's entry
 * file: src/integrations/pagefind.ts replaces it with the index's hash once the index is written,
 * and src/scripts/search-pagefind.ts passes that tag to Pagefind (its `metaCacheTag` option).
 */
export const PAGEFIND_BUILD_TAG = 'PAGEFIND_BUILD_TAG';
