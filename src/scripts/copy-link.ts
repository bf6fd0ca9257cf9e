/**
 * "Copy link to this section": a click on a heading's anchor copies the section's full URL.
 * Without the Clipboard API (or if it refuses), the link simply does what links do, putting
 * the section's address in the address bar, and the status says so.
 */
import { announce } from './announce.ts';

const STATUS_MS = 2500;

function showStatus(link: HTMLElement, text: string) {
	link.parentElement?.querySelector('.copy-status')?.remove();
	const status = document.createElement('span');
	status.className = 'copy-status';
	status.setAttribute('aria-hidden', 'true');
	status.textContent = text;
	link.after(status);
	announce(text);
	setTimeout(() => status.remove(), STATUS_MS);
}

document.addEventListener('click', async (event) => {
	if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
	const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-copy-link]');
	if (!link) return;
	const url = new URL(link.getAttribute('href') ?? '', location.href);
	url.search = '';
	if (!navigator.clipboard?.writeText) {
		showStatus(link, 'Link is in the address bar');
		return; // let the browser follow the link
	}
	event.preventDefault();
	try {
		await navigator.clipboard.writeText(url.href);
		history.replaceState(history.state, '', url.hash);
		showStatus(link, 'Link copied');
	} catch {
		location.hash = url.hash;
		showStatus(link, 'Link is in the address bar');
	}
});
