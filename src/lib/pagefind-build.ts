/**
 * Placeholder for the build's Pagefind tag, which names the address of Pagefind's entry file:
 * src/integrations/pagefind.ts replaces it with the index's hash once the index is written (and
 * gives the search page the entry file at that address), and src/scripts/search-pagefind.ts
 * passes the tag to Pagefind (its `metaCacheTag` option).
 */
export const PAGEFIND_BUILD_TAG = 'PAGEFIND_BUILD_TAG';

