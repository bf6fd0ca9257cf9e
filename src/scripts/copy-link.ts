/**
 * "Copy link to this section": a click on a heading's anchor copies the section's full URL.
 * Without the Clipboard API (or if it refuses), the link simply does what links do, putting
 * the section's address in the address bar, and the status says so.
 */
import { canCopy, copyText, showCopyStatus } from './copy-text.ts';

document.addEventListener('click', async (event) => {
	if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
	const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-copy-link]');
	if (!link) return;
	const url = new URL(link.getAttribute('href') ?? '', location.href);
	url.search = '';
	if (!canCopy()) {
		showCopyStatus(link, 'Link is in the address bar');
		return; // let the browser follow the link
	}
	event.preventDefault();
	if (await copyText(url.href)) {
		history.replaceState(history.state, '', url.hash);
		showCopyStatus(link, 'Link copied');
	} else {
		location.hash = url.hash;
		showCopyStatus(link, 'Link is in the address bar');
	}
});
