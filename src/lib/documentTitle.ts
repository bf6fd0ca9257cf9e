import { SITE_NAME } from './citation.ts';

/** Longest <title> search results show in full (html-validate's `long-title` default). */
export const MAX_TITLE_LENGTH = 70;

/**
 * The text of <title>: "Page – LCSI Evidence Explorer" when that fits, otherwise the page's
 * own title alone, because the page's words matter more in a tab or a result than the brand.
 */
export function documentTitle(title: string): string {
	if (title === SITE_NAME) return title;
	const full = `${title} – ${SITE_NAME}`;
	return full.length <= MAX_TITLE_LENGTH ? full : title;
}
