/**
 * "Copy quote": the words a reader selected, the short link to them and where they come from,
 * in one piece of text to paste into an email, a report or a post.
 */

export interface Quote {
	/** The selected words. */
	text: string;
	/** Where they come from, e.g. "LCSI Evidence Explorer, Finding 6". */
	source: string;
	/** The link to exactly those words (a text-fragment URL on the finding's short address). */
	url: string;
}

/** Tidy the selected text for quoting: one line, single spaces, no outer quote marks. */
export function cleanQuote(text: string): string {
	return text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[“"‘']+|[”"’']+$/g, '')
		.trim();
}

/** “The quoted words.” and, on the next line, the source and the link. */
export function formatQuote({ text, source, url }: Quote): string {
	return `“${cleanQuote(text)}”\n${source}: ${url}`;
}
