/**
 * Writes every number that appears in the source material (NAVCA's briefing and the facts
 * gathered from the six reports, kept outside this repository in ../shared/) to
 * tests/fixtures/source-numbers.txt, which the content tests use to catch invented figures on
 * machines (CI) that do not have the sources. Run after the sources change:
 *   node scripts/source-numbers.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SOURCE_FILES, SOURCE_NUMBERS_FILE, numbersIn } from './lib/source-numbers.ts';

const text = SOURCE_FILES.map((f) => readFileSync(f, 'utf8')).join('\n');
const numbers = [...numbersIn(text)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
writeFileSync(
	SOURCE_NUMBERS_FILE,
	`# Every number in ${SOURCE_FILES.join(' and ')}; regenerate with node scripts/source-numbers.ts\n${numbers.join('\n')}\n`,
);
console.log(`${numbers.length} numbers written to ${SOURCE_NUMBERS_FILE}`);
