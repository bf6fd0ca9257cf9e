/**
 * Placeholder for the build's Pagefind tag in pages that preload or prefetch Pagefind's entry
 * file: src/integrations/pagefind.ts replaces it with the index's hash once the index is written,
 * and src/scripts/search-pagefind.ts passes that tag to Pagefind (its `metaCacheTag` option).
 */
export const PAGEFIND_BUILD_TAG = 'PAGEFIND_BUILD_TAG';

/**
 * Placeholder in the header box's `data-search-warm` for the search page's own scripts, whose
 * names are known only once the build has written them: src/integrations/module-preload.ts
 * replaces it.
 */
export const SEARCH_PAGE_SCRIPTS = 'SEARCH_PAGE_SCRIPTS';
