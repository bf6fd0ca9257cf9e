/**
 * `/` moves focus to the search box (the search page's own box there, the header's elsewhere).
 * It is ignored while typing, and when the reader has turned it off on the search page
 * (WCAG 2.1.4; the setting lives in src/lib/search-shortcut.ts).
 */
import { shortcutEnabled, shortcutTarget, showShortcutHint } from '../lib/search-shortcut.ts';

function isTyping(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

showShortcutHint(document, shortcutEnabled());

document.addEventListener('keydown', (event) => {
	if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
	if (isTyping(event.target) || !shortcutEnabled()) return;
	const input = shortcutTarget(document);
	if (!input) return;
	event.preventDefault();
	input.focus();
	input.select();
});
