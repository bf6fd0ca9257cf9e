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

/**
 * Common questions (`content/questions/*.yaml`, one file per question). The file name is the
 * question's id and its anchor on /questions/ (`/questions/#<id>`), so it must not change.
 * `src/lib/integrity.ts` checks the links and the NAVCA passage at build.
 */
export const questionGroups = ['what-lcsi-is', 'difference', 'funding-and-quality', 'strengthening', 'using-the-research'] as const;
export const questionKinds = ['finding', 'not-answered', 'about'] as const;

/** A place that supports an answer: a section of a finding, or of a prose page (about, definitions...). */
const questionLink = z.union([
	z.strictObject({ finding: reference('findings'), section: z.string().regex(/^[a-z0-9-]+$/, 'a heading id') }),
	z.strictObject({ page: reference('pages'), section: z.string().regex(/^[a-z0-9-]+$/, 'a heading id') }),
]);

const questions = defineCollection({
	loader: glob({ pattern: '**/[^_]*.yaml', base: `${dir}/questions` }),
	schema: z.strictObject({
		/** As a reader would ask it, ending with a question mark. */
		question: z.string().min(10).max(110).regex(/\?$/, 'ends with a question mark'),
		/** Where it sits on /questions/: its group, then `order` within the page. */
		group: z.enum(questionGroups),
		order: z.number().int().min(1),
		/** One or two plain sentences, hedged as the source is (checked: at most two sentences, each under 30 words). */
		answer: z.string().min(20).max(360),
		/**
		 * `finding`: the research answers it, and `evidence` says how strongly (the finding scale).
		 * `not-answered`: the research does not answer it, and the answer says so plainly.
		 * `about`: a question about the research itself or citing it; no evidence level.
		 */
		kind: z.enum(questionKinds).default('finding'),
		/** Required for `finding` answers; no stronger than the strongest finding it links to. */
		evidence: z.enum(evidenceStrengths).optional(),
		/** Where to read more, first the one "Read the finding" points at. Heading ids are checked. */
		links: z.array(questionLink).min(1),
		/** NAVCA's own words behind the answer: a section key and an exact passage (checked). */
		navca: z.strictObject({ section: z.string().min(1), quote: z.string().min(8) }).optional(),
		/** Other words readers use for this question (indexed for search, not shown), e.g. "charities". */
		keywords: z.array(z.string().min(2)).default([]),
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

export const collections = { findings, reports, functions, pages, glossary, tocNodes, tocEdges, questions };
