/** The bench runs Lighthouse on one page of every top-level type the build has (scripts/lib/lighthouse-pages.ts). */
import { expect, test } from 'vitest';
import { lighthousePages } from '../../scripts/lib/lighthouse-pages.ts';

const built = ['', 'findings/', 'findings/1-no-agreed-definition/', 'findings/5-local-knowledge/', 'pathways/', 'reports/', 'reports/evidence-review/', 'reports/final-research-report/', 'search/', 'about/'];

test('home, findings, a finding, pathways, a report and a search with a query', () => {
	expect(lighthousePages(built)).toEqual(['', 'findings/', 'findings/5-local-knowledge/', 'pathways/', 'reports/final-research-report/', 'search/?q=cold+spot']);
});

test('questions and the evidence map once the build has them; any finding or report if the usual one is gone', () => {
	const pages = [...built.filter((p) => p !== 'findings/5-local-knowledge/' && p !== 'reports/final-research-report/'), 'questions/', 'evidence-map/'];
	expect(lighthousePages(pages)).toEqual(['', 'findings/', 'findings/1-no-agreed-definition/', 'pathways/', 'reports/evidence-review/', 'search/?q=cold+spot', 'questions/', 'evidence-map/']);
});
