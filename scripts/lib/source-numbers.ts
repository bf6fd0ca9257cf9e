/** Numbers in the source material, for the content tests' guard against invented figures. */
import { readFileSync } from 'node:fs';

export const SOURCE_FILES = ['../shared/sources/000_9a97d1533a3339e8.txt', '../shared/research/lcsi-facts.md'];
export const SOURCE_NUMBERS_FILE = 'tests/fixtures/source-numbers.txt';

export function numbersIn(text: string): Set<string> {
	return new Set(text.match(/\d+(?:[.,]\d+)*/g) ?? []);
}

export function readSourceNumbers(file = SOURCE_NUMBERS_FILE): Set<string> {
	return new Set(
		readFileSync(file, 'utf8')
			.split('\n')
			.filter((l) => l && !l.startsWith('#')),
	);
}
