/**
 * The query parameter naming the searched words on a result page (`?highlight=cold`), read by
 * src/scripts/search-highlight.ts. In a module of its own so the highlighter, which every page
 * loads, carries nothing else from the search code.
 */
export const HIGHLIGHT_PARAM = 'highlight';
