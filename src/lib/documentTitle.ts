import { SITE_NAME } from './citation.ts';

/** Longest <title> search results show in full (html-validate's `long-title` default). */
export const MAX_TITLE_LENGTH = 70;

/**
 * The text of <title>: "Page – LCSI Evidence Explorer" when that fits, otherwise the page's
 * own title alone, because the page's words matter more in a tab or a result than the brand.
 * `shorter` are other forms of the title to try in turn (e.g. a finding's claim without
 * "Finding N: "); as a last resort the shortest form is cut at a word and ends with "…".
 */
export function documentTitle(title: string, ...shorter: string[]): string {
	if (title === SITE_NAME) return title;
	const forms = [title, ...shorter];
	for (const form of forms) if (`${form} – ${SITE_NAME}`.length <= MAX_TITLE_LENGTH) return `${form} – ${SITE_NAME}`;
	for (const form of forms) if (form.length <= MAX_TITLE_LENGTH) return form;
	const last = forms.at(-1)!;
	return `${last.slice(0, MAX_TITLE_LENGTH - 1).replace(/\s+\S*$/, '')}…`;
}
