/**
 * Reading numbers out of text for the invented-figures guard (scripts/lib/source-numbers.ts):
 * figures as written and numbers spelled out in words, so "seventy-three per cent" cannot
 * slip past a guard that only looks for digits.
 */
import { expect, test } from 'vitest';
import { numbersIn, spelledNumbersIn } from '../../scripts/lib/source-numbers.ts';

test.each([
	['seventy-three per cent of organisations', ['73']],
	['Seventy three per cent', ['73']],
	['five areas and twelve findings', ['5', '12']],
	['one hundred and twenty respondents', ['120']],
	['two thousand five hundred', ['2500']],
	['ten thousand', ['10000']],
	['two and three', ['2', '3']],
	['twenty thirty', ['20', '30']],
	['five, six', ['5', '6']],
	['forty-one of fifty-eight', ['41', '58']],
	['someone, often, tone, none, anyone', []],
	['the third and a half', []],
])('%s', (text, expected) => {
	expect(spelledNumbersIn(text)).toEqual(expected);
});

test('numbersIn has figures and spelled-out numbers together', () => {
	expect([...numbersIn('In 5,000 areas, 1.2 times; forty-two more.')].sort()).toEqual(['1.2', '42', '5,000']);
});
