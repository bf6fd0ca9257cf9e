/**
 * `/` moves focus to the header search box. A single-character shortcut must be possible to
 * switch off (WCAG 2.1.4), so it is ignored while typing and when the reader has turned it off
 * on the search page (stored in localStorage under SHORTCUT_KEY).
 */
export const SHORTCUT_KEY = 'lcsi:search-shortcut';

export function shortcutEnabled(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
	try {
		return storage?.getItem(SHORTCUT_KEY) !== 'off';
	} catch {
		return true;
	}
}

function isTyping(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

document.addEventListener('keydown', (event) => {
	if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
	if (isTyping(event.target) || !shortcutEnabled()) return;
	const input = document.querySelector<HTMLInputElement>('[data-search-input]');
	if (!input) return;
	event.preventDefault();
	input.focus();
	input.select();
});
