import { expect, test } from 'vitest';
import { cleanQuote, formatQuote } from '../../src/lib/quote.ts';

test('a quote is the words in curly quotes, then the source and the link on the next line', () => {
	expect(formatQuote({ text: 'This matters especially in funding or commissioning relationships.', source: 'LCSI Evidence Explorer, Finding 6', url: 'https://example.org/findings/6/#what-the-research-found:~:text=This%20matters' })).toBe(
		'“This matters especially in funding or commissioning relationships.”\nLCSI Evidence Explorer, Finding 6: https://example.org/findings/6/#what-the-research-found:~:text=This%20matters',
	);
});

test('the selected text is put on one line, and quote marks the reader selected are not doubled', () => {
	expect(cleanQuote('  open and honest\n   communication ')).toBe('open and honest communication');
	expect(cleanQuote('“parity of esteem”')).toBe('parity of esteem');
});
