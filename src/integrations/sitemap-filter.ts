/**
 * Which pages @astrojs/sitemap lists: every built page except those that ask not to be
 * indexed (`<meta name="robots" content="noindex">`: the short /findings/N/ redirects, the
 * briefing-pack form, 404). The filter runs after the pages are written, so it reads each page's own
 * HTML: the one rule is the page's `noindex` prop, not a list here that could drift from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutBase } from '../lib/urls.ts';

const NOINDEX = /<meta\s+name="robots"\s+content="[^"]*\bnoindex\b/i;

/** `outDir` is the build folder as a file path; `base` is Astro's base (e.g. `/lcsi/`). */
export function indexablePage(outDir: string, base: string): (pageUrl: string) => boolean {
	return (pageUrl) => {
		const path = withoutBase(decodeURIComponent(new URL(pageUrl).pathname), base);
		const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
		try {
			return !NOINDEX.test(readFileSync(file, 'utf8'));
		} catch {
			// Not a file we built (e.g. a custom page URL): nothing says to leave it out.
			return true;
		}
	};
}
