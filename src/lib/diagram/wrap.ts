/**
 * Label wrapping without a DOM. The build cannot measure text, so widths are estimated from
 * a table of character advances. The table holds, per character, the wider of DejaVu Sans
 * and Liberation Sans (measured in Chromium at 100px): DejaVu is what `system-ui` falls back to
 * on Linux and is wider than Segoe UI, San Francisco and Roboto, so an estimate from it errs
 * towards wrapping early and a label never spills out of its box. The browser tests check
 * the estimate against real rendering.
 */

/** Advance widths in hundredths of an em. */
const ADVANCE: Record<string, number> = {
	' ': 32, a: 61, b: 63, c: 55, d: 63, e: 62, f: 35, g: 63, h: 63, i: 28, j: 28, k: 58, l: 28, m: 97, n: 63, o: 61, p: 63,
	q: 63, r: 41, s: 52, t: 39, u: 63, v: 59, w: 82, x: 59, y: 59, z: 52, A: 68, B: 69, C: 72, D: 77, E: 67, F: 61, G: 78,
	H: 75, I: 29, J: 50, K: 67, L: 56, M: 86, N: 75, O: 79, P: 67, Q: 79, R: 72, S: 67, T: 61, U: 73, V: 68, W: 99, X: 69,
	Y: 67, Z: 69, "'": 27, '’': 32, ',': 32, '.': 32, '-': 36, '(': 39, ')': 39, ':': 34, '&': 78, '/': 34,
};
const DIGIT = 64;
/** Anything not in the table (accents, symbols) is assumed as wide as a capital M. */
const UNKNOWN = 86;

export function textWidth(text: string, fontSize: number): number {
	let hundredths = 0;
	for (const ch of text) hundredths += ADVANCE[ch] ?? (ch >= '0' && ch <= '9' ? DIGIT : UNKNOWN);
	return (hundredths / 100) * fontSize;
}

/**
 * Greedy word wrap to `maxWidth`. A single word wider than the line is split with a hyphen
 * rather than allowed to overflow (no label here needs it, but content may change).
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.trim().split(/\s+/)) {
		const candidate = line ? `${line} ${word}` : word;
		if (textWidth(candidate, fontSize) <= maxWidth) {
			line = candidate;
			continue;
		}
		if (line) lines.push(line);
		line = word;
		while (textWidth(line, fontSize) > maxWidth) {
			let cut = line.length - 1;
			while (cut > 1 && textWidth(`${line.slice(0, cut)}-`, fontSize) > maxWidth) cut--;
			lines.push(`${line.slice(0, cut)}-`);
			line = line.slice(cut);
		}
	}
	if (line) lines.push(line);
	return lines;
}
