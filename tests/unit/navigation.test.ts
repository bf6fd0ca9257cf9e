import { expect, test } from 'vitest';
import { navState, primaryNav } from '../../src/lib/navigation.ts';

test('the primary navigation has the seven sections of the brief and Common questions, in order', () => {
	expect(primaryNav.map((i) => i.label)).toEqual(['Briefing', 'Findings', 'Questions', 'Definitions', 'Functions', 'Pathways', 'Reports', 'Search']);
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
