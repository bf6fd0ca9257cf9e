/** A minimal CBOR writer for the shapes Pagefind writes in its metadata (unsigned integers, text, arrays). */
export function cbor(value: unknown): number[] {
	const head = (major: number, n: number) => (n < 24 ? [(major << 5) | n] : n < 256 ? [(major << 5) | 24, n] : [(major << 5) | 25, n >> 8, n & 255]);
	if (typeof value === 'number') return head(0, value);
	if (typeof value === 'string') {
		const bytes = [...new TextEncoder().encode(value)];
		return [...head(3, bytes.length), ...bytes];
	}
	if (Array.isArray(value)) return [...head(4, value.length), ...value.flatMap(cbor)];
	throw new Error('unsupported');
}
