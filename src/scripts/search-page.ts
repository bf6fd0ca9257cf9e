/**
 * The search page's first script, kept small: the search itself (search-ui.ts and Pagefind)
 * loads only when the reader starts to search, that is when the URL already carries a search
 * (a shared link, or the header box's form) or when the search box gets focus or input.
 * It also wires the checkbox that turns the `/` shortcut off and on.
 */
import { announce } from './announce.ts';
import { setShortcutEnabled, shortcutEnabled, showShortcutHint } from '../lib/search-shortcut.ts';
import { hasSearch, readSearchState } from '../lib/search-url.ts';

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');

let started: Promise<void> | undefined;
function start() {
	started ??= import('./search-ui.ts')
		.then((ui) => ui.startSearch(form!))
		.catch(() => {
			// Offline, or the index is missing: say so instead of a search that never answers.
			const message = 'Search could not be loaded. Check your connection and reload the page, or browse the findings instead.';
			const status = document.querySelector<HTMLElement>('[data-search-status]');
			if (status) status.textContent = message;
			announce(message);
		});
}

if (form && input) {
	if (hasSearch(readSearchState(location.search))) start();
	else for (const type of ['focus', 'input', 'pointerdown']) input.addEventListener(type, start, { once: true });
}

const toggle = document.querySelector<HTMLInputElement>('[data-search-shortcut-toggle]');
if (toggle) {
	toggle.checked = shortcutEnabled();
	toggle.addEventListener('change', () => {
		setShortcutEnabled(toggle.checked);
		showShortcutHint(document, toggle.checked);
	});
	toggle.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
}
