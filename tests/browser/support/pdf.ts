/**
 * What a printed PDF (Chromium's page.pdf) holds, read from its bytes: how many pages, and the
 * headings it prints (page.pdf({ outline: true }) writes one bookmark per printed heading).
 */

/** Number of pages: page objects, not the /Pages tree nodes. */
export function pdfPageCount(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** The outline's titles, in order: literal strings or UTF-16BE hex strings. */
export function pdfOutlineTitles(pdf: Buffer): string[] {
	const titles: string[] = [];
	for (const m of pdf.toString('latin1').matchAll(/\/Title\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f]+)>)/g)) {
		if (m[1] !== undefined) titles.push(m[1].replace(/\\([()\\])/g, '$1'));
		else {
			const bytes = Buffer.from(m[2]!, 'hex');
			const body = bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes;
			titles.push(body.swap16().toString('utf16le'));
		}
	}
	return titles;
}
