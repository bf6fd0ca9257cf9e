/**
 * The source registry (`content/sources.yaml`): every source the site cites, with its exact
 * title, address and real section headings. Plain functions over plain data, so the MDX
 * plugin that renders source notes, the pages, the open data and the tests all read one list.
 *
 * A citation is `{ ref, section?, quote? }`: keys, never free text, so a heading cannot be
 * misquoted. Where the source's full text is available (NAVCA's briefing), a quote is checked
 * against it at build time (and against the named section), and becomes a link to the passage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { z } from 'astro/zod';
import { formatTextDirective, type TextDirective } from './textFragment.ts';

const sectionSchema = z.strictObject({
	key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
	/** The heading exactly as written in the original; null where the part has no heading. */
	heading: z.string().min(1).nullable(),
	/** How a part without a heading is named on screen (never in quotation marks). */
	label: z.string().min(3).optional(),
});

const sourceSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
	kind: z.enum(['briefing', 'report', 'collection', 'usage']),
	title: z.string().min(5),
	shortTitle: z.string().min(3),
	publisher: z.string().min(2).optional(),
	published: z.coerce.date().optional(),
	url: z.url().optional(),
	/** Plain-text copy of the source, relative to the folder that holds the project. */
	text: z.string().optional(),
	sections: z.array(sectionSchema),
});

export type SourceSection = z.infer<typeof sectionSchema>;
export type SourceEntry = z.infer<typeof sourceSchema>;

export interface Citation {
	ref: string;
	section?: string | undefined;
	quote?: string | undefined;
}

export interface ResolvedCitation {
	source: SourceEntry;
	section?: SourceSection | undefined;
	quote?: string | undefined;
	/** Where the note links: the passage (text fragment) when a quote is known, else the source. */
	href?: string | undefined;
}

export class SourceRegistry {
	readonly byId: Map<string, SourceEntry>;
	/** Full texts by source id, where available; see `sourceTextsAvailable`. */
	private readonly texts = new Map<string, string | null>();

	constructor(
		readonly sources: SourceEntry[],
		/** The folder that `text:` paths are relative to (the project's parent folder). */
		readonly textRoot: string,
	) {
		this.byId = new Map(sources.map((s) => [s.id, s]));
	}

	get(id: string): SourceEntry | undefined {
		return this.byId.get(id);
	}

	/** The full text of a source, or null where it has none or the file is absent. */
	fullText(id: string): string | null {
		if (!this.texts.has(id)) {
			const entry = this.byId.get(id);
			const path = entry?.text ? resolve(this.textRoot, entry.text) : undefined;
			this.texts.set(id, path && existsSync(path) ? readFileSync(path, 'utf8') : null);
		}
		return this.texts.get(id) ?? null;
	}

	/**
	 * Check a citation and resolve it, or return the problems (each naming the key at fault).
	 * `checkQuotes: false` skips the passage check (used where the full text is absent).
	 */
	resolve(citation: Citation): { ok: true; value: ResolvedCitation } | { ok: false; problems: string[] } {
		const problems: string[] = [];
		const source = this.byId.get(citation.ref);
		if (!source) {
			const keys = [...this.byId.keys()].join(', ');
			return { ok: false, problems: [`unknown source key "${citation.ref}" (content/sources.yaml has: ${keys})`] };
		}
		let section: SourceSection | undefined;
		if (citation.section !== undefined) {
			section = source.sections.find((s) => s.key === citation.section);
			if (!section) {
				const keys = source.sections.map((s) => s.key).join(', ') || 'none';
				problems.push(`source "${source.id}" has no section key "${citation.section}" (its keys: ${keys})`);
			}
		}
		let href = source.url;
		if (citation.quote !== undefined) {
			const quote = normaliseQuote(citation.quote);
			const text = this.fullText(source.id);
			if (text !== null) {
				const scope = section ? sectionText(text, source, section.key) : normaliseQuote(text);
				if (scope === undefined) problems.push(`source "${source.id}": section "${section?.key}" was not found in its text`);
				else if (!scope.includes(quote))
					problems.push(
						`quote not found in ${source.shortTitle}${section ? `, section "${section.key}"` : ''}: "${citation.quote}". Quote the exact words of that section.`,
					);
				else if (source.url) href = passageUrl(source.url, quote, normaliseQuote(text));
			} else if (source.url && source.text === undefined) {
				problems.push(`source "${source.id}" has no full text to check a quote against; cite it without quote=`);
			} else if (source.url) {
				// The text is registered but absent (a checkout without shared/): still link to the
				// passage, unchecked; the tests run the check wherever the file exists.
				href = passageUrl(source.url, quote, quote);
			}
		}
		if (problems.length > 0) return { ok: false, problems };
		return { ok: true, value: { source, section, quote: citation.quote, href } };
	}
}

/** Curly quotes and dashes become plain ones, and runs of white space one space. */
export function normaliseQuote(text: string): string {
	return text
		.replace(/[‘’]/g, "'")
		.replace(/[“”]/g, '"')
		.replace(/[–—]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The text of one section of a source, found by its headings: from the section's heading to
 * the next registered heading. A section without a heading runs from the start of the text.
 */
export function sectionText(text: string, source: SourceEntry, key: string): string | undefined {
	const lines = text.split(/\r?\n/).map((l) => l.trim());
	const starts = source.sections.map((s) => (s.heading === null ? 0 : lines.indexOf(s.heading.trim())));
	const index = source.sections.findIndex((s) => s.key === key);
	const start = starts[index];
	if (start === undefined || start < 0) return undefined;
	const later = starts.filter((s) => s > start);
	const end = later.length > 0 ? Math.min(...later) : lines.length;
	return normaliseQuote(lines.slice(start, end).join('\n'));
}

/**
 * A link to the quoted passage as a text fragment. Short quotes are matched whole; long ones
 * as `start,end`, with enough words at the start to find this passage first in the page.
 */
export function passageUrl(url: string, quote: string, fullText: string): string {
	return `${url}#:~:${formatTextDirective(passageDirective(quote, fullText))}`;
}

export function passageDirective(quote: string, fullText: string): TextDirective {
	const words = quote.split(' ');
	if (words.length <= 8) return { textStart: quote };
	const at = fullText.indexOf(quote);
	let n = 4;
	while (n < words.length - 3 && at >= 0 && fullText.indexOf(words.slice(0, n).join(' ')) !== at) n++;
	const tail = Math.min(4, words.length - n);
	if (tail < 2) return { textStart: quote };
	return { textStart: words.slice(0, n).join(' '), textEnd: words.slice(-tail).join(' ') };
}

/** How a citation reads on screen: "NAVCA briefing, section ‘Quality’". */
export function citationLabel({ source, section }: Pick<ResolvedCitation, 'source' | 'section'>): string {
	if (!section) return source.shortTitle;
	if (section.heading === null) return `${source.shortTitle}, ${section.label ?? 'untitled part'}`;
	return `${source.shortTitle}, section ‘${section.heading}’`;
}

export function parseSources(yamlText: string, where = 'content/sources.yaml'): SourceEntry[] {
	const raw = load(yamlText);
	const result = z.array(sourceSchema).safeParse(raw);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `${where}: ${i.path.join('.')}: ${i.message}`);
		throw new Error(`The source registry is not valid:\n${lines.join('\n')}`);
	}
	const seen = new Set<string>();
	for (const s of result.data) {
		if (seen.has(s.id)) throw new Error(`${where}: source id "${s.id}" appears twice`);
		seen.add(s.id);
	}
	return result.data;
}

const registries = new Map<string, SourceRegistry>();

/**
 * The registry for a content folder (cached). `text:` paths resolve against the parent of the
 * working directory (the project root), or `LCSI_SOURCES_ROOT` where set.
 */
export function loadSourceRegistry(dir: string, env: Record<string, string | undefined> = process.env): SourceRegistry {
	const textRoot = env.LCSI_SOURCES_ROOT ?? resolve(process.cwd(), '..');
	const cacheKey = `${resolve(dir)}|${textRoot}`;
	let registry = registries.get(cacheKey);
	if (!registry) {
		const path = `${dir}/sources.yaml`;
		registry = new SourceRegistry(parseSources(readFileSync(path, 'utf8'), path), textRoot);
		registries.set(cacheKey, registry);
	}
	return registry;
}
