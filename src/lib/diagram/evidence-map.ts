/**
 * The evidence map as plain data: the twelve findings against the sources (NAVCA's briefing
 * and the six reports), each cell saying whether that source states the finding, bears on it,
 * or neither. Nothing here is new: `states` is a finding's `sources` (the sources that state
 * the headline themselves), `bears` its `relatedReports` (strands that bear on it without
 * stating it). The filters (function, pathway, evidence level) and their place in the address
 * are here too, so the build, the browser script and the tests agree on them.
 */

export type Support = 'states' | 'bears' | 'none';

export const SUPPORT_ORDER: readonly Support[] = ['states', 'bears', 'none'];

/** The words in a cell: every cell has one of these, visible. */
export const SUPPORT_TEXT: Record<Support, string> = {
	states: 'States it',
	bears: 'Bears on it',
	none: 'Not linked',
};

export interface MapFindingInput {
	number: number;
	/** Sources that state the headline themselves (`navca` always). */
	sources: readonly string[];
	/** Reports that bear on it without stating it, with the heading on our summary page. */
	relatedReports: readonly { id: string; section?: string | undefined }[];
}

export interface MapCell {
	source: string;
	support: Support;
	/** For `bears`: the heading id on our summary of the report, where the data gives one. */
	section?: string | undefined;
}

/**
 * How one source relates to one finding. A source listed both ways counts as stating it
 * (the stronger claim is the one the data makes first).
 */
export function supportOf(finding: MapFindingInput, source: string): MapCell {
	if (finding.sources.includes(source)) return { source, support: 'states' };
	const related = finding.relatedReports.find((r) => r.id === source);
	if (related) return { source, support: 'bears', section: related.section };
	return { source, support: 'none' };
}

/** One row per finding, one cell per source, in the order given. */
export function evidenceMatrix<F extends MapFindingInput>(findings: readonly F[], sources: readonly string[]): { finding: F; cells: MapCell[] }[] {
	return findings.map((finding) => ({ finding, cells: sources.map((s) => supportOf(finding, s)) }));
}

/** Per source, how many of the rows it states and bears on. */
export function columnTotals(rows: readonly { cells: readonly MapCell[] }[], sources: readonly string[]): Record<string, Record<Support, number>> {
	return Object.fromEntries(
		sources.map((s, i) => {
			const counts: Record<Support, number> = { states: 0, bears: 0, none: 0 };
			for (const row of rows) counts[row.cells[i]!.support]++;
			return [s, counts];
		}),
	);
}

/* ---------------------------------------------------------------- filters */

export interface MapFilters {
	/** A function id, or '' for any. */
	function: string;
	/** A pathway node id, or '' for any. */
	pathway: string;
	/** An evidence level (strong, moderate, emerging, mixed), or '' for any. */
	level: string;
}

export const FILTER_KEYS = ['function', 'pathway', 'level'] as const satisfies readonly (keyof MapFilters)[];

export const NO_FILTERS: MapFilters = { function: '', pathway: '', level: '' };

export interface MapRowTags {
	functions: readonly string[];
	pathways: readonly string[];
	level: string;
}

export function matchesMapFilters(tags: MapRowTags, filters: MapFilters): boolean {
	return (
		(!filters.function || tags.functions.includes(filters.function)) &&
		(!filters.pathway || tags.pathways.includes(filters.pathway)) &&
		(!filters.level || tags.level === filters.level)
	);
}

/**
 * The filters an address asks for. A value not among `allowed` (a stale or mistyped link) is
 * dropped rather than matching nothing.
 */
export function filtersFromSearch(search: string, allowed: Record<keyof MapFilters, readonly string[]>): MapFilters {
	const params = new URLSearchParams(search);
	const pick = (key: keyof MapFilters) => {
		const value = params.get(key) ?? '';
		return allowed[key].includes(value) ? value : '';
	};
	return { function: pick('function'), pathway: pick('pathway'), level: pick('level') };
}

/** The query string for the filters, keeping any other parameters ('' when there are none). */
export function searchForFilters(search: string, filters: MapFilters): string {
	const params = new URLSearchParams(search);
	for (const key of FILTER_KEYS) {
		if (filters[key]) params.set(key, filters[key]);
		else params.delete(key);
	}
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** "Showing all 12 findings" or "Showing 3 of 12 findings". */
export function countText(shown: number, total: number): string {
	if (shown === total) return `Showing all ${total} findings`;
	if (shown === 0) return `No finding matches these filters (of ${total})`;
	return `Showing ${shown} of ${total} ${total === 1 ? 'finding' : 'findings'}`;
}
