/**
 * Data the build writes into a page after indexing, in a `<script type="application/json">`
 * placeholder: the search page's index plan, its records and the Pagefind files it carries.
 */

/** The value as the placeholder's content, safe inside a script element (no `<` to close it). */
export function fillJsonPlaceholder(html: string, placeholder: string, value: unknown): string {
	const json = JSON.stringify(value).replaceAll('<', '\\u003c');
	return html.replace(placeholder, () => placeholder.replace('{}', json));
}
