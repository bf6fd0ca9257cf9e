/**
 * The open data file, /data/findings.json: findings, functions, pathways, reports and the
 * theory of change, built from the same collections as the pages, with absolute URLs so each
 * item leads back to its page. Its shape is a Zod schema made from the content schemas' own
 * pieces (src/content.config.ts); /data/findings.schema.json is that schema as JSON Schema,
 * and the build checks the document against it before writing it. Documented in
 * docs/open-data.md.
 */
import { z } from 'astro/zod';
import { evidenceStrengths, sourceRef, tocStages } from '../content.config.ts';
import { SITE_NAME } from './citation.ts';
import { COLLECTION_URL, NAVCA_BRIEFING, type Site, findingPath, findingShortPath, functionPath, nodePath, reportPath } from './site.ts';
import { absoluteUrl } from './urls.ts';

export const OPEN_DATA_PATH = '/data/findings.json';
export const OPEN_DATA_SCHEMA_PATH = '/data/findings.schema.json';
export const OGL_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const url = z.url();
const day = z.iso.date().describe('A calendar day, YYYY-MM-DD.');
const findingNumber = z.int().min(1);

const finding = z
	.strictObject({
		number: findingNumber.describe('Position in NAVCA’s list of headlines (1–12).'),
		slug: id,
		title: z.string(),
		statement: z.string().describe('The headline finding in one sentence.'),
		summary: z.string(),
		evidence: z.strictObject({
			strength: z.enum(evidenceStrengths).describe('How strong the evidence is; the scale is explained at /about/evidence/.'),
			rationale: z.string(),
		}),
		functions: z.array(id).describe('Ids of the functions (see `functions`).'),
		pathways: z.array(id).describe('Ids of the pathways (see `pathways`).'),
		headline: z.string().describe('NAVCA’s headline, word for word as its briefing gives it.'),
		sources: z
			.array(
				z.strictObject({
					id: id.describe('`navca` for NAVCA’s briefing, else the id of a report (see `reports`) that itself states the finding.'),
					title: z.string(),
					url: url.describe('The original.'),
				}),
			)
			.min(1)
			.describe('Who states the finding: NAVCA’s briefing first, always.'),
		relatedReports: z
			.array(
				z.strictObject({
					id: id.describe('Id of the report (see `reports`).'),
					section: id.optional().describe('Heading id on this site’s summary of the report.'),
					url: url.describe('This site’s summary of the report, at that section.'),
				}),
			)
			.describe('Reports whose strand bears on the finding without stating it.'),
		tagBasis: z.enum(['headline', 'our-reading']).describe('Whether `functions` and `pathways` come from the headline’s words or are this site’s reading.'),
		related: z.array(findingNumber).describe('Numbers of related findings.'),
		themes: z.array(z.string()),
		updated: day.describe('When the words were last checked against the sources.'),
		url: url.describe('The finding’s page.'),
		shortUrl: url.describe('The short address, /findings/N/, which redirects to `url`.'),
		image: url.describe('The finding’s social card, a 1200×630 PNG.'),
	})
	.describe('One of the twelve headline findings.');

const lcsiFunction = z
	.strictObject({
		id,
		name: z.string(),
		order: z.int().min(1),
		summary: z.string(),
		examples: z.array(z.string()),
		findings: z.array(findingNumber).describe('Numbers of the findings that draw on this function.'),
		updated: day,
		url,
	})
	.describe('One of the five functions of local civil society infrastructure.');

const pathway = z
	.strictObject({
		id,
		label: z.string(),
		description: z.string(),
		findings: z.array(findingNumber).describe('Numbers of the findings on this pathway.'),
		url: url.describe('The pathway in the theory-of-change diagram.'),
	})
	.describe('An outcome pathway: a theory-of-change node whose stage is `pathway`.');

const report = z
	.strictObject({
		id,
		title: z.string().describe('The exact title as published on GOV.UK.'),
		shortTitle: z.string(),
		order: z.int().min(1),
		workPackage: z.string(),
		published: day,
		govukUrl: url.describe('The original on GOV.UK.'),
		method: z.string(),
		sample: z.string(),
		authors: z.array(z.string()).describe('Named authors, only where the report names them.'),
		summary: z.string(),
		states: z.array(findingNumber).describe('Numbers of the findings this report itself states (it is among their `sources`).'),
		bearsOn: z.array(findingNumber).describe('Numbers of the findings this report bears on (it is among their `relatedReports`).'),
		updated: day,
		url: url.describe('This site’s summary of the report.'),
	})
	.describe('One of the six published reports of the LCSI R&D programme.');

const tocNode = z.strictObject({
	id,
	label: z.string(),
	stage: z.enum(tocStages),
	function: id.optional().describe('For activities: the id of the function it belongs to.'),
	description: z.string(),
	sources: z.array(sourceRef).describe('`ref` is a report id, or `navca` for NAVCA’s briefing.'),
	url,
});

const tocEdge = z.strictObject({
	from: id,
	to: id,
	basis: z.enum(['stated', 'indicative']).describe('`stated`: the sources say the link exists; `indicative`: this site’s reading.'),
	evidence: z.string(),
	sources: z.array(sourceRef),
});

export const openDataSchema = z
	.strictObject({
		$schema: url.describe('The JSON Schema this document follows.'),
		generated: z.iso.datetime().describe('When the site was built.'),
		site: z.strictObject({ name: z.string(), url }),
		licence: z.strictObject({ name: z.string(), url, attribution: z.string() }),
		sources: z.strictObject({
			reports: url.describe('The collection of reports on GOV.UK.'),
			briefing: z.strictObject({ title: z.string(), publisher: z.string(), published: day, url }),
		}),
		findings: z.array(finding),
		functions: z.array(lcsiFunction),
		pathways: z.array(pathway),
		reports: z.array(report),
		theoryOfChange: z.strictObject({ nodes: z.array(tocNode), edges: z.array(tocEdge) }),
	})
	.describe('The LCSI Evidence Explorer’s findings, functions, pathways, reports and theory of change.');

export type OpenData = z.infer<typeof openDataSchema>;

/** The schema as JSON Schema (draft 2020-12), with its own address as `$id`. */
export function openDataJsonSchema(siteUrl: URL | string): Record<string, unknown> {
	const schema = z.toJSONSchema(openDataSchema, { target: 'draft-2020-12' });
	return { $schema: schema.$schema, $id: absoluteUrl(OPEN_DATA_SCHEMA_PATH, siteUrl), title: `${SITE_NAME} open data`, ...schema };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Build the document from the site model; throws (failing the build) if it breaks the schema. */
export function buildOpenData(site: Site, siteUrl: URL | string, generated = new Date()): OpenData {
	const abs = (path: string) => absoluteUrl(path, siteUrl);
	const numbers = (pick: (f: Site['findings'][number]) => boolean) => site.findings.filter(pick).map((f) => f.data.number);
	const doc: OpenData = {
		$schema: abs(OPEN_DATA_SCHEMA_PATH),
		generated: generated.toISOString(),
		site: { name: SITE_NAME, url: abs('/') },
		licence: {
			name: 'Open Government Licence v3.0',
			url: OGL_URL,
			attribution: `Contains public sector information licensed under the Open Government Licence v3.0. Summaries are in the ${SITE_NAME}’s own words, offered under the same licence: acknowledge “${SITE_NAME}” with a link to the page used.`,
		},
		sources: {
			reports: COLLECTION_URL,
			briefing: { title: NAVCA_BRIEFING.title, publisher: NAVCA_BRIEFING.publisher, published: isoDay(NAVCA_BRIEFING.published), url: NAVCA_BRIEFING.url },
		},
		findings: site.findings.map((f) => {
			const d = f.data;
			return {
				number: d.number,
				slug: d.slug,
				title: d.title,
				statement: d.statement,
				summary: d.summary,
				evidence: { strength: d.evidence.strength, rationale: d.evidence.rationale },
				functions: d.functions.map((r) => r.id),
				pathways: d.pathways,
				headline: d.headline,
				// The same rule as the pages: NAVCA's briefing first, then reports that state it.
				sources: d.sources.map((id) => (id === 'navca' ? { id, title: NAVCA_BRIEFING.title, url: NAVCA_BRIEFING.url } : { id, title: site.report(id).data.title, url: site.report(id).data.url })),
				relatedReports: d.relatedReports.map((r) => ({
					id: r.id.id,
					...(r.section ? { section: r.section } : {}),
					url: abs(`${reportPath(site.report(r.id.id))}${r.section ? `#${r.section}` : ''}`),
				})),
				tagBasis: d.tagBasis,
				related: d.related.map((r) => site.finding(r.id).data.number),
				themes: d.themes,
				updated: isoDay(d.updated),
				url: abs(findingPath(f)),
				shortUrl: abs(findingShortPath(f)),
				image: abs(`/og/findings/${d.number}.png`),
			};
		}),
		functions: site.functions.map((fn) => ({
			id: fn.id,
			name: fn.data.name,
			order: fn.data.order,
			summary: fn.data.summary,
			examples: fn.data.examples,
			findings: numbers((f) => f.data.functions.some((r) => r.id === fn.id)),
			updated: isoDay(fn.data.updated),
			url: abs(functionPath(fn)),
		})),
		pathways: site.tocNodes
			.filter((n) => n.data.stage === 'pathway')
			.map((n) => ({
				id: n.id,
				label: n.data.label,
				description: n.data.description,
				findings: numbers((f) => f.data.pathways.includes(n.id)),
				url: abs(nodePath(n.id)),
			})),
		reports: site.reports.map((r) => ({
			id: r.id,
			title: r.data.title,
			shortTitle: r.data.shortTitle,
			order: r.data.order,
			workPackage: r.data.workPackage,
			published: isoDay(r.data.published),
			govukUrl: r.data.url,
			method: r.data.method,
			sample: r.data.sample,
			authors: r.data.authors,
			summary: r.data.summary,
			states: numbers((f) => f.data.sources.includes(r.id)),
			bearsOn: numbers((f) => f.data.relatedReports.some((ref) => ref.id.id === r.id)),
			updated: isoDay(r.data.updated),
			url: abs(reportPath(r)),
		})),
		theoryOfChange: {
			nodes: site.tocNodes.map((n) => ({
				id: n.id,
				label: n.data.label,
				stage: n.data.stage,
				...(n.data.function ? { function: n.data.function.id } : {}),
				description: n.data.description,
				sources: n.data.sources,
				url: abs(nodePath(n.id)),
			})),
			edges: site.tocEdges.map((e) => ({ from: e.data.from, to: e.data.to, basis: e.data.basis, evidence: e.data.evidence, sources: e.data.sources })),
		},
	};
	return openDataSchema.parse(doc);
}
