/**
 * `npm run check:links -- [folder]`: check every internal link and #fragment in a built
 * site (default dist/). The base path and the site's origin are read from the home page's
 * canonical link, so `npm run check:links -- dist-sub` checks the /lcsi/ build; pass
 * `--base=/x/` to override. Prints one line per broken link and exits 1 if there are any.
 */
import { existsSync } from 'node:fs';
import { builtFor, checkLinks, formatProblem, readSite } from './lib/links.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const baseFlag = args.find((a) => a.startsWith('--base='))?.slice('--base='.length);

if (!existsSync(`${dir}/index.html`)) {
	console.error(`No built site in ${dir}/. Run "npm run build:local" first.`);
	process.exit(2);
}
const built = await builtFor(dir);
const base = baseFlag ?? built?.base ?? '/';
const site = await readSite(dir);
const problems = checkLinks(site, { base, origin: built?.origin });
const links = [...site.pages.values()].reduce((n, p) => n + p.links.length, 0);
if (problems.length) {
	console.error(`${problems.length} broken link${problems.length > 1 ? 's' : ''} in ${dir}/ (base ${base}):`);
	for (const p of problems) console.error(`  ${formatProblem(p)}`);
	process.exit(1);
}
console.log(`${links} links on ${site.pages.size} pages in ${dir}/ (base ${base}) all resolve.`);
