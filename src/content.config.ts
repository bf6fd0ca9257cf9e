/**
 * Every content schema of the site, in one place.
 *
 * Content lives in `content/` (or in the folder named by `LCSI_CONTENT_DIR`, which the
 * tests and benchmarks use to build broken or synthetic copies without touching `content/`).
 * Zod checks the shape of each entry; `src/lib/integrity.ts` then checks what Zod cannot:
 * that references point at entries that exist, and that finding numbers are unique.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir } from './lib/contentDir.ts';

const dir = contentDir();

/**
 * Where a claim comes from: keys into the source registry, `content/sources.yaml`, checked at
 * build (src/lib/integrity.ts): `ref` a source id, `section` one of its section keys, `quote`
 * the source's exact words (checked against its text where the registry has it).
 */
export const sourceRef = z.strictObject({
	ref: z.string().min(1),
	section: z.string().min(1).optional(),
	quote: z.string().min(3).optional(),
});

export const evidenceStrengths = ['strong', 'moderate', 'emerging', 'mixed'] as const;

const findings = defineCollection({
	loader: glob({ pattern: '**/[^_]*.mdx', base: `${dir}/findings` }),
	schema: z.strictObject({
		/** Position in NAVCA's list of headlines, 1–12; also the short URL `/findings/N/`. */
		number: z.number().int().min(1).max(12),
		/** Short, lower-case, hyphenated; the page lives at `/findings/<number>-<slug>/`. */
		slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
		/** A short title (about six words). */
		title: z.string().min(3).max(80),
		/**
		 * NAVCA's headline, word for word as the briefing's "Headlines" section gives it (checked
		 * against the briefing's text at build where that file is present).
		 */
		headline: z.string().min(20),
		/** The headline finding in one sentence, in our words. */
		statement: z.string().min(20).max(280),
		/** Two or three sentences for cards, search results and social previews. */
		summary: z.string().min(40).max(400),
		evidence: z.strictObject({
			strength: z.enum(evidenceStrengths),
			/** One line, drawn from what the sources say about their own confidence. */
			rationale: z.string().min(20).max(400),
		}),
		functions: z.array(reference('functions')).default([]),
		/** Ids of theory-of-change nodes whose stage is `pathway`. */
		pathways: z.array(z.string()).default([]),
		/**
		 * Who states the headline: `navca` (NAVCA's briefing) always, first; then a report only
		 * where the report itself states it ([R] in the facts sheet; every such pairing is listed
		 * in tests/fixtures/report-support.yaml). Keys of content/sources.yaml.
		 */
		sources: z.array(z.string()).min(1),
		/** Reports whose strand bears on the finding without stating it. */
		relatedReports: z
			.array(
				z.strictObject({
					id: reference('reports'),
					/** Heading id on our summary page of that report, e.g. `key-findings`. */
					section: z.string().optional(),
				}),
			)
			.default([]),
		/**
		 * Where the function and pathway tags come from: the headline's own words, or this
		 * site's reading (shown to readers as "Our reading").
		 */
		tagBasis: z.enum(['headline', 'our-reading']).default('our-reading'),
		related: z.array(reference('findings')).default([]),
		/** Free-text themes used as a filter on the findings index. */
		themes: z.array(z.string()).default([]),
		/** When the entry's words were last checked against the sources. */
		updated: z.coerce.date(),
	}),
});

/** A report's exact title and GOV.UK address live in the source registry, content/sources.yaml, under the same id. */
const reports = defineCollection({
	loader: glob({ pattern: '**/[^_]*.mdx', base: `${dir}/reports` }),
	schema: z.strictObject({
		/** A short name for lists and citations, e.g. "Survey findings". */
		shortTitle: z.string().min(3).max(40),
		/** Order on the reports index. */
		order: z.number().int().min(1),
		workPackage: z.string().min(2),
		published: z.coerce.date(),
		method: z.string().min(10),
		sample: z.string().min(3),
		authors: z.array(z.string()).default([]),
		/** One or two sentences for cards and social previews. */
		summary: z.string().min(40).max(400),
		updated: z.coerce.date(),
	}),
});

const functions = defineCollection({
	loader: glob({ pattern: '**/[^_]*.mdx', base: `${dir}/functions` }),
	schema: z.strictObject({
		name: z.string().min(3),
		order: z.number().int().min(1).max(5),
		summary: z.string().min(40).max(400),
		/** Examples of the activity, as the sources list them. */
		examples: z.array(z.string()).min(1),
		updated: z.coerce.date(),
	}),
});

/** Prose pages that are not findings, reports or functions: briefing, definitions, about. */
const pages = defineCollection({
	loader: glob({ pattern: '**/[^_]*.mdx', base: `${dir}/pages` }),
	schema: z.strictObject({
		title: z.string().min(3),
		description: z.string().min(40).max(300),
		updated: z.coerce.date(),
	}),
});

const glossary = defineCollection({
	loader: file(`${dir}/glossary.yaml`),
	schema: z.strictObject({
		id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
		/** The term as it is usually written, e.g. "VCSE". */
		term: z.string().min(2),
		/** Other spellings or expansions that should link to this term. */
		aka: z.array(z.string()).default([]),
		/** The definition in one or two sentences. */
		short: z.string().min(10),
		sources: z.array(sourceRef).min(1),
		/** Glossary ids of related terms. */
		seeAlso: z.array(reference('glossary')).default([]),
	}),
});

export const tocStages = ['activity', 'outcome', 'pathway', 'impact'] as const;

const tocNode = z.strictObject({
	id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
	label: z.string().min(3).max(80),
	stage: z.enum(tocStages),
	/** For activity nodes: the function the activity belongs to. */
	function: reference('functions').optional(),
	description: z.string().min(10),
	sources: z.array(sourceRef).min(1),
});

const tocEdge = z.strictObject({
	from: z.string(),
	to: z.string(),
	/** `stated`: the sources say this link exists. `indicative`: our reading, flagged as such. */
	basis: z.enum(['stated', 'indicative']),
	/** What the evidence says about this link, in one or two sentences. */
	evidence: z.string().min(10),
	sources: z.array(sourceRef).min(1),
});

/**
 * The theory of change is one YAML file with `nodes` and `edges`; each list becomes a
 * collection so both get schema checks and typed queries. Edge ids are `from--to`.
 */
const tocFile = `${dir}/theory-of-change.yaml`;
const tocList = (key: 'nodes' | 'edges') =>
	file(tocFile, {
		parser: async (text) => {
			const { load } = await import('js-yaml');
			const doc = load(text) as Record<string, Array<Record<string, unknown>>> | undefined;
			const list = doc?.[key];
			if (!Array.isArray(list)) throw new Error(`${tocFile}: expected a top-level \`${key}:\` list`);
			return key === 'nodes' ? list : list.map((e) => ({ id: `${e.from}--${e.to}`, ...e }));
		},
	});

const tocNodes = defineCollection({ loader: tocList('nodes'), schema: tocNode });
const tocEdges = defineCollection({
	loader: tocList('edges'),
	schema: tocEdge.extend({ id: z.string() }),
});

export const collections = { findings, reports, functions, pages, glossary, tocNodes, tocEdges };
