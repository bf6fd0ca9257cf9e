/**
 * Every HTML page of a built site, found by walking the output folder, so tests that check
 * "every page" cover new pages without being told about them.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function builtPages(dir: string): string[] {
	const pages: string[] = [];
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const full = join(d, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(full);
			} else if (entry.name.endsWith('.html')) {
				const rel = relative(dir, full).split(sep).join('/');
				pages.push(rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
			}
		}
	};
	walk(dir);
	return pages.sort();
}
