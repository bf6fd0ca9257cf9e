/**
 * "Copy link": a click on a link control (a heading's or a paragraph's anchor, or the link icon
 * beside a finding in a list) copies a URL to share.
 * - An anchor to a part of this page (`#section`) copies the page's URL with that fragment. On a
 *   finding, whose <article> carries `data-short-url`, that is the short address plus the
 *   fragment, `/findings/6/#what-it-means`: the short page keeps the fragment when it redirects.
 * - A control that links elsewhere (the short address of a finding in a list) copies that URL.
 * Without the Clipboard API (or if it refuses), the link simply does what links do: the section's
 * address goes in the address bar, or the browser opens the finding, and the status says so.
 */
import { canCopy, copyText, showCopyStatus } from './copy-text.ts';

/** The URL a copy-link control shares (exported for the tests' reading of it). */
export function sharedUrl(link: HTMLAnchorElement, pageUrl: string): URL {
	const href = link.getAttribute('href') ?? '';
	if (href.startsWith('#')) {
		const short = link.closest<HTMLElement>('[data-short-url]')?.dataset.shortUrl;
		const url = new URL(short ?? pageUrl, pageUrl);
		url.search = '';
		url.hash = href;
		return url;
	}
	return new URL(href, pageUrl);
}

document.addEventListener('click', async (event) => {
	if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
	const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-copy-link]');
	if (!link) return;
	const inPage = (link.getAttribute('href') ?? '').startsWith('#');
	const url = sharedUrl(link, location.href);
	if (!canCopy()) {
		if (inPage) showCopyStatus(link, 'Link is in the address bar');
		return; // let the browser follow the link
	}
	event.preventDefault();
	if (await copyText(url.href)) {
		if (inPage) history.replaceState(history.state, '', url.hash);
		showCopyStatus(link, 'Link copied');
	} else if (inPage) {
		location.hash = url.hash;
		showCopyStatus(link, 'Link is in the address bar');
	} else {
		location.href = url.href;
	}
});
