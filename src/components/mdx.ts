/** Components every MDX entry can use without importing them. */
import Source from './Source.astro';

export const mdxComponents = { Source };
