import { expect, test } from 'vitest';
import { SHORTCUT_KEY, setShortcutEnabled, shortcutEnabled } from '../../src/lib/search-shortcut.ts';

function memoryStore() {
	const data = new Map<string, string>();
	return {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v),
		removeItem: (k: string) => void data.delete(k),
		data,
	};
}

test('the / shortcut is on until the reader turns it off, and can be turned back on', () => {
	const store = memoryStore();
	expect(shortcutEnabled(store)).toBe(true);
	setShortcutEnabled(false, store);
	expect(store.data.get(SHORTCUT_KEY)).toBe('off');
	expect(shortcutEnabled(store)).toBe(false);
	setShortcutEnabled(true, store);
	expect(store.data.has(SHORTCUT_KEY)).toBe(false);
	expect(shortcutEnabled(store)).toBe(true);
});

test('blocked storage leaves the shortcut on and does not throw', () => {
	const blocked = {
		getItem: () => {
			throw new Error('SecurityError');
		},
		setItem: () => {
			throw new Error('SecurityError');
		},
		removeItem: () => {
			throw new Error('SecurityError');
		},
	};
	expect(shortcutEnabled(blocked)).toBe(true);
	expect(() => setShortcutEnabled(false, blocked)).not.toThrow();
	expect(shortcutEnabled(undefined)).toBe(true);
});
