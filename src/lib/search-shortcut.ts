/**
 * The `/` search shortcut's setting. A single-character shortcut must be possible to turn
 * off (WCAG 2.1.4), so the reader's choice is kept in localStorage under SHORTCUT_KEY; the
 * search page has the checkbox. Shared by the shortcut itself (src/scripts/search-shortcut.ts)
 * and the search page, so both read and write the setting the same way.
 */
export const SHORTCUT_KEY = 'lcsi:search-shortcut';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStore(): Store | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		// Storage can be blocked (privacy settings): the shortcut then stays on.
		return undefined;
	}
}

export function shortcutEnabled(storage: Pick<Store, 'getItem'> | undefined = defaultStore()): boolean {
	try {
		return storage?.getItem(SHORTCUT_KEY) !== 'off';
	} catch {
		return true;
	}
}

export function setShortcutEnabled(enabled: boolean, storage: Store | undefined = defaultStore()): void {
	try {
		if (enabled) storage?.removeItem(SHORTCUT_KEY);
		else storage?.setItem(SHORTCUT_KEY, 'off');
	} catch {
		// Nothing to do: without storage the choice cannot be remembered.
	}
}

/** The box `/` focuses: the search page's own box when there is one, else the header's. */
export function shortcutTarget(doc: Pick<Document, 'querySelector'>): HTMLInputElement | null {
	return doc.querySelector<HTMLInputElement>('[data-search-input="page"]') ?? doc.querySelector<HTMLInputElement>('[data-search-input]');
}

/**
 * Tell assistive technology about the shortcut only while it works: `aria-keyshortcuts="/"`
 * on the box it focuses, and on no other.
 */
export function showShortcutHint(doc: Pick<Document, 'querySelector' | 'querySelectorAll'>, enabled: boolean): void {
	for (const input of doc.querySelectorAll('[data-search-input]')) input.removeAttribute('aria-keyshortcuts');
	if (enabled) shortcutTarget(doc)?.setAttribute('aria-keyshortcuts', '/');
}
