/**
 * Every internal link, asset URL and #fragment in both builds resolves: dist/ at the root and
 * dist-sub/ under /lcsi/, where a link that forgets the base path breaks. Nothing is fetched;
 * links to other sites only have to be https. The rules are unit-tested in tests/unit/links.test.ts.
 */
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtFor, checkLinks, formatProblem, readSite } from '../../scripts/lib/links.ts';
import { DIST, SUB_BASE, SUB_DIST } from './support/paths.ts';

describe.each([
	{ dir: DIST, base: '/' },
	{ dir: SUB_DIST, base: SUB_BASE },
])('$dir/ (base $base)', ({ dir, base }) => {
	test('every link and fragment resolves', async () => {
		if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir}/ has no built site: npm test builds it first.`);
		const built = await builtFor(dir);
		// The canonical URL of the home page says where the build expects to live.
		expect(built?.base, 'base path of the home page’s canonical URL').toBe(base);
		const site = await readSite(dir);
		expect(site.pages.size).toBeGreaterThan(20);
		expect(checkLinks(site, { base, origin: built?.origin }).map(formatProblem)).toEqual([]);
	});
});
