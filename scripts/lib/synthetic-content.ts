/**
 * Synthetic content for the build benchmark: a temp copy of the project whose findings,
 * reports and functions are multiplied (10× means ten of each where there was one), each copy
 * with its own id, number, slug, title and order, so every copy is a page of its own with its
 * own social card and search entry. Only ever applied to a copy made by temp-project.ts:
 * both functions refuse to touch the checkout.
 *
 * The copies reuse the real words (plus one line naming the copy), so the search index grows
 * by pages and postings rather than by vocabulary: a real site ten times larger would bring
 * new words too, and its index would grow a little faster than this one.
 *
 * The real schema allows finding numbers 1–12 and function orders 1–5, as NAVCA's briefing
 * has twelve findings and the research five functions. Rather than loosen that for everyone
 * (or add a knob to the production schema), `allowSyntheticNumbers` lifts the two bounds in
 * the copy's src/content.config.ts only, and fails if the lines it edits have changed.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { dump, load } from 'js-yaml';
import { REPO_ROOT } from './temp-project.ts';

export interface SyntheticCounts {
	findings: number;
	reports: number;
	functions: number;
}

function assertNotCheckout(path: string): void {
	const rel = relative(REPO_ROOT, resolve(path));
	if (!rel.startsWith('..')) throw new Error(`Refusing to write synthetic content inside the checkout (${path}); use a temp project.`);
}

/** The schema bounds the copies exceed, as written in src/content.config.ts. */
const BOUNDS = [
	{ what: 'finding numbers 1–12', line: 'number: z.number().int().min(1).max(12),' },
	{ what: 'function orders 1–5', line: 'order: z.number().int().min(1).max(5),' },
];

/** Lift the finding-number and function-order bounds in a temp project's schema. */
export async function allowSyntheticNumbers(projectRoot: string): Promise<void> {
	assertNotCheckout(projectRoot);
	const file = join(projectRoot, 'src/content.config.ts');
	let text = await readFile(file, 'utf8');
	for (const { what, line } of BOUNDS) {
		if (text.split(line).length !== 2) throw new Error(`src/content.config.ts no longer has "${line}" (${what}) exactly once: update scripts/lib/synthetic-content.ts`);
		text = text.replace(line, line.replace(/\.max\(\d+\)/, '.max(1_000_000)'));
	}
	await writeFile(file, text);
}

interface MdxFile {
	data: Record<string, unknown>;
	body: string;
}

function parseMdx(text: string, file: string): MdxFile {
	const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
	if (!match) throw new Error(`${file}: no frontmatter`);
	return { data: load(match[1]!) as Record<string, unknown>, body: match[2]! };
}

const formatMdx = ({ data, body }: MdxFile) => `---\n${dump(data, { lineWidth: -1 })}---\n${body}`;

/** A title with a suffix, cut to fit the schema's maximum length. */
const withSuffix = (title: string, suffix: string, max: number) => `${title.slice(0, max - suffix.length).trimEnd()}${suffix}`;

/** How to make copy `k` of one entry of a collection that has `count` real entries. */
type Copier = (data: Record<string, unknown>, k: number, count: number) => void;

const COPIERS: Record<keyof SyntheticCounts, Copier> = {
	findings: (d, k, count) => {
		d.number = (d.number as number) + k * count;
		d.slug = `${d.slug}-x${k}`;
		d.title = withSuffix(String(d.title), ` (copy ${k})`, 80);
	},
	// A report's full title and address live in the source registry (copyRegistryReports).
	reports: (d, k, count) => {
		d.order = (d.order as number) + k * count;
		d.shortTitle = withSuffix(String(d.shortTitle), ` (copy ${k})`, 40);
	},
	functions: (d, k, count) => {
		d.order = (d.order as number) + k * count;
		d.name = withSuffix(String(d.name), ` (copy ${k})`, 200);
	},
};

/**
 * Make `factor - 1` copies of every finding, report and function in `contentDir` (a temp
 * copy), so there are `factor` times as many. Returns the new totals.
 */
export async function multiplyContent(contentDir: string, factor: number): Promise<SyntheticCounts> {
	assertNotCheckout(contentDir);
	const counts: SyntheticCounts = { findings: 0, reports: 0, functions: 0 };
	for (const collection of Object.keys(COPIERS) as (keyof SyntheticCounts)[]) {
		const dir = join(contentDir, collection);
		const files = (await readdir(dir)).filter((f) => f.endsWith('.mdx') && !f.startsWith('_'));
		for (const file of files) {
			const original = parseMdx(await readFile(join(dir, file), 'utf8'), file);
			for (let k = 1; k < factor; k++) {
				const copy: MdxFile = { data: structuredClone(original.data), body: `${original.body}\nThis is synthetic copy ${k} of this page, made for the build benchmark.\n` };
				COPIERS[collection](copy.data, k, files.length);
				await writeFile(join(dir, file.replace(/\.mdx$/, `-x${k}.mdx`)), formatMdx(copy));
			}
		}
		counts[collection] = files.length * factor;
	}
	await copyRegistryReports(contentDir, factor);
	return counts;
}

/**
 * Each report page takes its title and GOV.UK address from the source registry
 * (content/sources.yaml), keyed by the report's id: give every copy `<id>-x<k>` an entry of its
 * own, with the title and address marked as a copy.
 */
async function copyRegistryReports(contentDir: string, factor: number): Promise<void> {
	const file = join(contentDir, 'sources.yaml');
	const sources = load(await readFile(file, 'utf8')) as Record<string, unknown>[];
	const reports = sources.filter((s) => s.kind === 'report');
	for (let k = 1; k < factor; k++) {
		for (const report of reports) sources.push({ ...structuredClone(report), id: `${report.id}-x${k}`, title: `${report.title} (copy ${k})`, url: `${report.url}?copy=${k}` });
	}
	await writeFile(file, dump(sources, { lineWidth: -1 }));
}
