/**
 * Reads content/ straight from disk (no Astro), so content tests check the files authors edit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

export const CONTENT = 'content';

export interface MdxFile {
	id: string;
	path: string;
	data: Record<string, any>;
	body: string;
}

export function readMdx(collection: string): MdxFile[] {
	const dir = join(CONTENT, collection);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.mdx') && !f.startsWith('_'))
		.map((f) => {
			const text = readFileSync(join(dir, f), 'utf8');
			const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
			if (!match) throw new Error(`${dir}/${f}: no front matter`);
			return { id: f.replace(/\.mdx$/, ''), path: join(dir, f), data: load(match[1]!) as Record<string, any>, body: match[2]! };
		});
}

export function readYaml<T>(file: string): T {
	return load(readFileSync(join(CONTENT, file), 'utf8')) as T;
}

/** Body prose only: no headings, no <Source> tags or other JSX, no link targets, no markup. */
export function proseOf(body: string): string {
	return body
		.split('\n')
		.filter((line) => !/^#{1,6}\s/.test(line))
		.join('\n')
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
		.replace(/<[A-Z][^>]*\/>/g, ' ')
		.replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
		.replace(/\]\([^)]*\)/g, ']')
		.replace(/[*_`>#|[\]]/g, ' ');
}

export function wordCount(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** `<h2>` headings of an MDX body, in order. */
export function headingsOf(body: string, level = 2): string[] {
	const marks = '#'.repeat(level);
	return body
		.split('\n')
		.filter((l) => l.startsWith(`${marks} `))
		.map((l) => l.slice(level + 1).trim());
}
