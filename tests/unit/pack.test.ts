import { describe, expect, test } from 'vitest';
import { chosenFindings, listNumbers, packQuery } from '../../src/lib/pack.ts';

const TWELVE = Array.from({ length: 12 }, (_, i) => i + 1);

describe('chosenFindings', () => {
	test('reads the short form ?f=1,4,6 and the form’s own ?f=1&f=4&f=6 alike', () => {
		expect(chosenFindings('?f=1,4,6', TWELVE)).toEqual([1, 4, 6]);
		expect(chosenFindings('?f=1&f=4&f=6', TWELVE)).toEqual([1, 4, 6]);
		expect(chosenFindings('?f=1%2C4%2C6', TWELVE)).toEqual([1, 4, 6]);
	});
	test('sorts, drops repeats, and ignores numbers that are not findings and other junk', () => {
		expect(chosenFindings('?f=6,1,6&f=4&f=13&f=0&f=x&q=2', TWELVE)).toEqual([1, 4, 6]);
		expect(chosenFindings('', TWELVE)).toEqual([]);
		expect(chosenFindings('?f=', TWELVE)).toEqual([]);
	});
});

test('packQuery gives the short shareable query', () => {
	expect(packQuery([1, 4, 6])).toBe('?f=1,4,6');
	expect(packQuery([])).toBe('');
});

test('listNumbers joins with commas and "and"', () => {
	expect(listNumbers([1])).toBe('1');
	expect(listNumbers([1, 4])).toBe('1 and 4');
	expect(listNumbers([1, 4, 6])).toBe('1, 4 and 6');
});
