/**
 * The one clipboard path for every "copy" control: section links (copy-link.ts), citations
 * (cite-this.ts) and links to a sentence (text-fragment.ts). Each shows the same small status
 * beside the control and announces it through the shared live region.
 */
import { announce } from './announce.ts';

const STATUS_MS = 2500;

/** Whether the Clipboard API is there at all (it needs a secure context). */
export function canCopy(): boolean {
	return typeof navigator.clipboard?.writeText === 'function';
}

/** Put text on the clipboard; false when there is no clipboard or the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
	if (!canCopy()) return false;
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}

/**
 * Show `text` briefly just after `control` (visible, hidden from screen readers) and announce
 * it (for screen readers), so both hear and see what happened.
 */
export function showCopyStatus(control: Element, text: string): void {
	control.parentElement?.querySelector(':scope > .copy-status')?.remove();
	const status = document.createElement('span');
	status.className = 'copy-status';
	status.setAttribute('aria-hidden', 'true');
	status.textContent = text;
	control.after(status);
	announce(text);
	setTimeout(() => status.remove(), STATUS_MS);
}
