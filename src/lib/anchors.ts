/**
 * Shared by the rehype plugin (content headings) and AnchorHeading.astro (page headings), so
 * both emit the same "copy link to this section" control.
 */
export const LINK_ICON_PATH =
	'M10 14a4 4 0 0 0 5.7 0l3.6-3.6a4 4 0 0 0-5.7-5.7L12.5 5.8M14 10a4 4 0 0 0-5.7 0l-3.6 3.6a4 4 0 0 0 5.7 5.7l1.1-1.1';

export function anchorLabel(headingText: string): string {
	return `Copy link to section: ${headingText}`;
}
