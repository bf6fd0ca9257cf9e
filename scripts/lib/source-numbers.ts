/** Numbers in the source material, for the content tests' guard against invented figures. */
import { readFileSync } from 'node:fs';

export const SOURCE_FILES = ['../shared/sources/000_9a97d1533a3339e8.txt', '../shared/research/lcsi-facts.md'];
export const SOURCE_NUMBERS_FILE = 'tests/fixtures/source-numbers.txt';

const UNITS: Record<string, number> = {
	zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
	eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
	twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };
const WORD = new RegExp(`^(?:${[...Object.keys(UNITS), ...Object.keys(SCALES)].join('|')})$`, 'i');

/**
 * Numbers written in words, as digits: "seventy-three per cent" → 73, "five areas" → 5,
 * "one hundred and twenty" → 120, "two thousand" → 2000. Words run together when joined by a
 * space or hyphen, and by "and" only after hundred/thousand (so "two and three" is 2 and 3).
 * Ordinals and fractions ("third", "half") are not read.
 */
export function spelledNumbersIn(text: string): string[] {
	const found: string[] = [];
	const tokens = text.split(/([\p{L}]+)/u);
	let total = 0;
	let current = 0;
	let inNumber = false;
	let lastWasScale = false;
	let pendingAnd = false;
	const finish = () => {
		if (inNumber) found.push(String(total + current));
		total = current = 0;
		inNumber = lastWasScale = pendingAnd = false;
	};
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		if (i % 2 === 0) {
			// Between words: only spaces and hyphens keep a number going.
			if (inNumber && !/^[\s-]+$/.test(token)) finish();
			continue;
		}
		const word = token.toLowerCase();
		if (inNumber && word === 'and' && lastWasScale && !pendingAnd) {
			pendingAnd = true;
			continue;
		}
		if (!WORD.test(word)) {
			finish();
			continue;
		}
		const scale = SCALES[word];
		if (scale === undefined) {
			const value = UNITS[word]!;
			// "twenty five" continues; "five six" or "twenty thirty" are two numbers.
			if (inNumber && !lastWasScale && !(current % 100 >= 20 && current % 10 === 0 && value < 10)) finish();
			current += value;
			lastWasScale = false;
		} else if (scale === 100) {
			current = (current || 1) * 100;
			lastWasScale = true;
		} else {
			total += (current || 1) * scale;
			current = 0;
			lastWasScale = true;
		}
		inNumber = true;
		pendingAnd = false;
	}
	finish();
	return found;
}

/** Every number in a text: figures as written ("5,000", "1.2") and numbers in words, as digits. */
export function numbersIn(text: string): Set<string> {
	return new Set([...(text.match(/\d+(?:[.,]\d+)*/g) ?? []), ...spelledNumbersIn(text)]);
}

export function readSourceNumbers(file = SOURCE_NUMBERS_FILE): Set<string> {
	return new Set(
		readFileSync(file, 'utf8')
			.split('\n')
			.filter((l) => l && !l.startsWith('#')),
	);
}
