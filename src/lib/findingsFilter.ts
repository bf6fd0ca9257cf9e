/** Does a finding match the chosen filters? An empty filter matches everything. */
export interface FindingFilters {
	function: string;
	pathway: string;
	theme: string;
}

export interface FindingTags {
	functions: string[];
	pathways: string[];
	themes: string[];
}

export function matchesFilters(tags: FindingTags, filters: FindingFilters): boolean {
	return (
		(!filters.function || tags.functions.includes(filters.function)) &&
		(!filters.pathway || tags.pathways.includes(filters.pathway)) &&
		(!filters.theme || tags.themes.includes(filters.theme))
	);
}
