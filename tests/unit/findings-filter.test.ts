import { expect, test } from 'vitest';
import { matchesFilters } from '../../src/lib/findingsFilter.ts';

const tags = { functions: ['convening', 'advocacy'], pathways: ['pathway-improved-policy-making'], themes: ['relationships'] };
const none = { function: '', pathway: '', theme: '' };

test('no filter matches every finding', () => {
	expect(matchesFilters(tags, none)).toBe(true);
	expect(matchesFilters({ functions: [], pathways: [], themes: [] }, none)).toBe(true);
});

test('each filter must match when set', () => {
	expect(matchesFilters(tags, { ...none, function: 'advocacy' })).toBe(true);
	expect(matchesFilters(tags, { ...none, function: 'facilitating-funding' })).toBe(false);
	expect(matchesFilters(tags, { ...none, pathway: 'pathway-improved-policy-making' })).toBe(true);
	expect(matchesFilters(tags, { ...none, theme: 'funding' })).toBe(false);
});

test('filters combine with AND', () => {
	expect(matchesFilters(tags, { function: 'convening', pathway: 'pathway-improved-policy-making', theme: 'relationships' })).toBe(true);
	expect(matchesFilters(tags, { function: 'convening', pathway: 'pathway-better-targeted-resources', theme: '' })).toBe(false);
});
