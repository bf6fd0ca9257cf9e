/**
 * Plain-text citations for the "Cite this" blocks: one for the page on this site, one for each
 * report behind it. Pure functions, so the wording is unit-tested and the same in the page, in
 * print and in what the copy button puts on the clipboard.
 *
 * Only facts held in the content are used: the reports were published by DCMS on GOV.UK, and
 * authors appear only where a report entry lists them. Nothing here invents an author.
 */

export const SITE_NAME = 'LCSI Evidence Explorer';
export const REPORT_PUBLISHER = 'Department for Culture, Media and Sport';

/**
 * A static page cannot know when it is read, so the access date is a visible placeholder that
 * the copy script (or the reader) replaces with the day of reading.
 */
export const ACCESSED_PLACEHOLDER = '[date]';

// Made on first use, not when the module loads: this module travels in every page's script,
// and a browser's first date formatter costs tens of milliseconds of the page's start-up.
let longDate: Intl.DateTimeFormat | undefined;

/** "11 July 2025": the form GOV.UK and UK citation styles use. Dates are read as UTC days. */
export function formatLongDate(date: Date): string {
	longDate ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
	return longDate.format(date);
}

/** The same day in the reader's own time zone, for "Accessed …" filled in the browser. */
export function formatAccessDate(date: Date): string {
	return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** End a title with a full stop unless it already ends with one (or ? or !). */
function closeSentence(text: string): string {
	const trimmed = text.trim();
	return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export interface PageCitationInput {
	/** The page's title as shown on the page, e.g. "Finding 5: Local knowledge matters most". */
	title: string;
	/** The page's canonical, absolute URL. */
	url: string;
	/** When the page's words were last checked, so a citation names the version it cites. */
	updated?: Date;
	/** When the reader used the page; omitted, the placeholder is written instead. */
	accessed?: Date;
}

/**
 * `“Finding 5: Local knowledge matters most.” LCSI Evidence Explorer, updated 25 November 2026. https://…/findings/5-local-knowledge/. Accessed [date].`
 */
export function pageCitation({ title, url, updated, accessed }: PageCitationInput): string {
	const when = accessed ? formatAccessDate(accessed) : ACCESSED_PLACEHOLDER;
	const version = updated ? `, updated ${formatLongDate(updated)}` : '';
	return `“${closeSentence(title)}” ${SITE_NAME}${version}. ${url}. Accessed ${when}.`;
}

/** Replace the access-date placeholder in a citation with a real day (used when copying). */
export function fillAccessed(citation: string, accessed: Date): string {
	return citation.replace(`Accessed ${ACCESSED_PLACEHOLDER}.`, `Accessed ${formatAccessDate(accessed)}.`);
}

export interface ReportCitationInput {
	/** The exact title as published on GOV.UK. */
	title: string;
	published: Date;
	/** The report's GOV.UK address. */
	url: string;
	/** Named authors, only where the report entry lists them. */
	authors?: readonly string[];
}

/**
 * Names as the report entry gives them; more than three become "First Author et al.", the
 * usual short form, since reordering or abbreviating names risks getting them wrong.
 */
function authorList(authors: readonly string[]): string {
	if (authors.length > 3) return `${authors[0]} et al.`;
	if (authors.length <= 2) return authors.join(' and ');
	return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}

/**
 * Without named authors DCMS, the publisher, stands as the author:
 * `Department for Culture, Media and Sport (2025) <title>. GOV.UK, 11 July 2025. <url>`
 * With named authors DCMS stays as the publisher:
 * `Rob Macmillan et al. (2025) <title>. Department for Culture, Media and Sport, GOV.UK, 11 July 2025. <url>`
 */
export function reportCitation({ title, published, url, authors = [] }: ReportCitationInput): string {
	const year = published.getUTCFullYear();
	const date = formatLongDate(published);
	const cleanTitle = closeSentence(title);
	if (authors.length === 0) return `${REPORT_PUBLISHER} (${year}) ${cleanTitle} GOV.UK, ${date}. ${url}`;
	return `${authorList(authors)} (${year}) ${cleanTitle} ${REPORT_PUBLISHER}, GOV.UK, ${date}. ${url}`;
}

export interface BriefingCitationInput {
	publisher: string;
	title: string;
	published: Date;
	/** The briefing's address, or a link to a passage in it. */
	url: string;
}

/** `NAVCA (2025) DCMS research shows critical role of local infrastructure. NAVCA, 14 July 2025. <url>` */
export function briefingCitation({ publisher, title, published, url }: BriefingCitationInput): string {
	return `${publisher} (${published.getUTCFullYear()}) ${closeSentence(title)} ${publisher}, ${formatLongDate(published)}. ${url}`;
}
