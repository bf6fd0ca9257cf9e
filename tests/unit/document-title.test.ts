import { expect, test } from 'vitest';
import { MAX_TITLE_LENGTH, documentTitle } from '../../src/lib/documentTitle.ts';

test('adds the site name when the whole title fits', () => {
	expect(documentTitle('Glossary')).toBe('Glossary – LCSI Evidence Explorer');
});

test('the home page is just the site name', () => {
	expect(documentTitle('LCSI Evidence Explorer')).toBe('LCSI Evidence Explorer');
});

test('drops the site name rather than run past the limit', () => {
	const long = 'Finding 10: A close relationship with the public sector';
	expect(documentTitle(long)).toBe(long);
	expect(documentTitle(long).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
});

test('tries shorter forms before cutting, and cuts at a word with an ellipsis', () => {
	const claim = 'LCSI organisations were seen as a bridge between VCS and public bodies';
	expect(documentTitle(`Finding 6: ${claim}`, claim)).toBe(claim);
	const cut = documentTitle(`Finding 6: ${claim} and much more besides`, `${claim} and much more besides`);
	expect(cut.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
	expect(cut).toMatch(/^LCSI organisations .* \w+…$/);
});
