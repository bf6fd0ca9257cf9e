import { expect, test } from 'vitest';
import { navState, primaryNav } from '../../src/lib/navigation.ts';

test('the primary navigation has the seven sections of the brief, in order, with the evidence map and the common questions after the findings', () => {
	expect(primaryNav.map((i) => i.label)).toEqual(['Briefing', 'Findings', 'Evidence map', 'Questions', 'Definitions', 'Functions', 'Pathways', 'Reports', 'Search']);
});

test('an item is the current page on its own path', () => {
	expect(navState('/findings/', '/findings/')).toBe('page');
	expect(navState('/findings/', '/findings')).toBe('page');
});

test('an item is the current section on pages beneath it', () => {
	expect(navState('/findings/', '/findings/5-local-knowledge/')).toBe('section');
	expect(navState('/definitions/', '/definitions/glossary/')).toBe('section');
});

test('an item is neither elsewhere', () => {
	expect(navState('/findings/', '/functions/')).toBeUndefined();
	expect(navState('/reports/', '/')).toBeUndefined();
});

test('each item is the current page on its own path only, and no item is current on another’s page', () => {
	for (const item of primaryNav) {
		expect(item.path, item.label).toMatch(/^\/[a-z-]+\/$/);
		for (const other of primaryNav) expect(navState(other.path, item.path), `${other.label} on ${item.path}`).toBe(other === item ? 'page' : undefined);
	}
});
