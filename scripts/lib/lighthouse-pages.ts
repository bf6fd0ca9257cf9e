/** Which pages `npm run bench` runs Lighthouse on (scripts/bench.ts). */

/**
 * One page of each top-level type: home, findings index, a finding, pathways, a report,
 * search with a query, and /questions/ and /evidence-map/ when the build has them.
 */
export function lighthousePages(pages: string[]): string[] {
	const first = (preferred: string, pattern: RegExp) => (pages.includes(preferred) ? preferred : pages.find((p) => pattern.test(p)));
	return [
		'',
		'findings/',
		first('findings/5-local-knowledge/', /^findings\/\d+-/),
		'pathways/',
		first('reports/final-research-report/', /^reports\/[a-z0-9-]+\/$/),
		...(pages.includes('search/') ? ['search/?q=cold+spot'] : []),
		'questions/',
		'evidence-map/',
	].filter((p): p is string => p !== undefined && (pages.includes(p) || p.startsWith('search/?')));
}
