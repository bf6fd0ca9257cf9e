/**
 * The typing benchmark's table keeps the previous run's throttled times beside the new ones:
 * what formatTyping writes, previousTyping reads back.
 */
import { expect, test } from 'vitest';
import { formatTyping, previousTyping, type TypingRow } from '../../scripts/bench-search.ts';

const rows = (ms: number): TypingRow[] => [
	{ route: 'search page', query: 'cold spot', throttled: false, ms: 200, fromOpenMs: 900 },
	{ route: 'search page', query: 'cold spot', throttled: true, ms, fromOpenMs: ms + 700 },
	{ route: 'home page box', query: 'cold spot', throttled: false, ms: 400, fromOpenMs: 1200 },
	{ route: 'home page box', query: 'cold spot', throttled: true, ms: ms + 500, fromOpenMs: ms + 1500 },
];

test('a new table shows the throttled times of the one it replaces', () => {
	const before = formatTyping(rows(2100));
	const after = formatTyping(rows(950), previousTyping(before));
	expect(after).toContain('| search page | cold spot | 200 | 950 | 1650 | 2100 |');
	expect(after).toContain('| home page box | cold spot | 400 | 1450 | 2450 | 2600 |');
});

test('each route is judged against its own target', () => {
	const table = formatTyping(rows(1100));
	expect(table).toContain('- search page: slowest throttled 1100 ms against a target of 1000 ms: **not met**.');
	expect(table).toContain('- home page box: slowest throttled 1600 ms against a target of 1500 ms: **not met**.');
	expect(formatTyping(rows(900))).toContain('- search page: slowest throttled 900 ms against a target of 1000 ms: met.');
});
