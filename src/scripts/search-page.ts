/**
 * The search page's script. Pagefind starts loading as soon as the page opens (the reader came
 * here to search): its script and WebAssembly are preloaded (src/pages/search.astro). A search in the URL (a shared link, or the header box's form) runs
 * at once, and the result count then takes focus; otherwise the page waits for words.
 * It also wires the checkbox that turns the `/` shortcut off and on.
 *
 * It is written into the page as one script (src/pages/search.astro), in place of every page's
 * (src/components/SiteScripts.astro), so it brings the two of those the page uses: the copy-link
 * controls and the `/` shortcut.
 */
import './copy-link.ts';
import './search-shortcut.ts';
import { announce } from './announce.ts';
import { loadPagefind } from './search-pagefind.ts';
import { startSearch } from './search-ui.ts';
import { setShortcutEnabled, shortcutEnabled, showShortcutHint } from '../lib/search-shortcut.ts';
import { hasSearch, readSearchState } from '../lib/search-url.ts';

const form = document.querySelector<HTMLFormElement>('[data-search-form]');

if (form) {
	// Warm now: the module and its WebAssembly load while the page finishes.
	loadPagefind().catch(() => undefined);
	startSearch(form, { focusResults: hasSearch(readSearchState(location.search)) }).catch(() => {
		// Offline, or the index is missing: say so instead of a search that never answers.
		const message = 'Search could not be loaded. Check your connection and reload the page, or browse the findings instead.';
		const status = document.querySelector<HTMLElement>('[data-search-status]');
		if (status) status.textContent = message;
		announce(message);
	});
}

const toggle = document.querySelector<HTMLInputElement>('[data-search-shortcut-toggle]');
if (toggle) {
	toggle.checked = shortcutEnabled();
	toggle.addEventListener('change', () => {
		setShortcutEnabled(toggle.checked);
		showShortcutHint(document, toggle.checked);
	});
}
