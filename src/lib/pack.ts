/**
 * The briefing pack's choice of findings, read from its URL: `?f=1,4,6` (the short form the
 * page shares) or `?f=1&f=4&f=6` (what the checkbox form on /findings/ sends without
 * JavaScript). Pure, so the page script and the tests share it.
 */

/** The chosen finding numbers, in order and once each, keeping only numbers that exist. */
export function chosenFindings(search: string, available: readonly number[]): number[] {
	const params = new URLSearchParams(search);
	const wanted = new Set(
		params
			.getAll('f')
			.flatMap((v) => v.split(/[,\s]+/))
			.map((v) => Number.parseInt(v, 10))
			.filter((n) => Number.isInteger(n)),
	);
	return [...available].filter((n) => wanted.has(n)).sort((a, b) => a - b);
}

/** The pack's shareable query: `?f=1,4,6` (commas left unencoded so the link reads well). */
export function packQuery(numbers: readonly number[]): string {
	return numbers.length > 0 ? `?f=${numbers.join(',')}` : '';
}

/** "1, 4 and 6" */
export function listNumbers(numbers: readonly number[]): string {
	if (numbers.length <= 1) return numbers.join('');
	return `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}
