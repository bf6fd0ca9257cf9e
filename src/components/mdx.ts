/**
 * Components every MDX entry can use without importing them. `<Source>` is not among them: the
 * rehype plugin `src/integrations/rehype-source-notes.ts` turns it into a numbered source note
 * at compile time, so a bad key fails the build with the file's name.
 */
export const mdxComponents = {};
