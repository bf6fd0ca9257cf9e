/**
 * The folder content is read from. Tests and benchmarks point `LCSI_CONTENT_DIR` at a
 * temporary copy (broken on purpose, or multiplied) so nothing synthetic lands in `content/`.
 */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
	return (env.LCSI_CONTENT_DIR ?? './content').replace(/\/+$/, '');
}
