import { describe, expect, test } from 'vitest';
import { ACCESSED_PLACEHOLDER, fillAccessed, formatLongDate, pageCitation, reportCitation } from '../../src/lib/citation.ts';

const url = 'https://example.org/findings/5-local-knowledge/';

describe('pageCitation', () => {
	test('quotes the title, names the site and gives the canonical URL, with a placeholder for the access date', () => {
		expect(pageCitation({ title: 'Finding 5: Local knowledge matters most', url })).toBe(
			`“Finding 5: Local knowledge matters most.” LCSI Evidence Explorer. ${url}. Accessed ${ACCESSED_PLACEHOLDER}.`,
		);
	});

	test('names the version cited when the page has an updated date', () => {
		expect(pageCitation({ title: 'Finding 5: Local knowledge matters most', url, updated: new Date('2026-11-25') })).toBe(
			`“Finding 5: Local knowledge matters most.” LCSI Evidence Explorer, updated 25 November 2026. ${url}. Accessed ${ACCESSED_PLACEHOLDER}.`,
		);
	});

	test('does not double a title’s own closing punctuation', () => {
		expect(pageCitation({ title: 'What is LCSI?', url })).toMatch(/^“What is LCSI\?” LCSI/);
	});

	test('writes a given access date in en-GB long form', () => {
		expect(pageCitation({ title: 'Glossary', url, accessed: new Date(2026, 2, 3) })).toMatch(/Accessed 3 March 2026\.$/);
	});
});

describe('fillAccessed', () => {
	test('replaces the placeholder with the day of copying', () => {
		const citation = pageCitation({ title: 'Glossary', url });
		expect(fillAccessed(citation, new Date(2026, 0, 9))).toBe(pageCitation({ title: 'Glossary', url, accessed: new Date(2026, 0, 9) }));
		expect(fillAccessed(citation, new Date(2026, 0, 9))).not.toContain(ACCESSED_PLACEHOLDER);
	});

	test('leaves a citation without the placeholder (a report citation) as it is', () => {
		const report = reportCitation({ title: 'A report', published: new Date('2025-07-11'), url: 'https://www.gov.uk/x' });
		expect(fillAccessed(report, new Date())).toBe(report);
	});
});

describe('reportCitation', () => {
	const base = {
		title: 'Local Civil Society Infrastructure (LCSI) R&D Programme - final research report',
		published: new Date('2025-07-11'),
		url: 'https://www.gov.uk/government/publications/x/final-research-report',
	};

	test('without named authors, DCMS stands as author, with the exact title, GOV.UK, date and URL', () => {
		expect(reportCitation(base)).toBe(
			'Department for Culture, Media and Sport (2025) Local Civil Society Infrastructure (LCSI) R&D Programme - final research report. GOV.UK, 11 July 2025. https://www.gov.uk/government/publications/x/final-research-report',
		);
	});

	test('with authors listed in the entry, names them and keeps DCMS as publisher', () => {
		expect(reportCitation({ ...base, authors: ['Ann Smith', 'Bo Jones'] })).toBe(
			'Ann Smith and Bo Jones (2025) Local Civil Society Infrastructure (LCSI) R&D Programme - final research report. Department for Culture, Media and Sport, GOV.UK, 11 July 2025. https://www.gov.uk/government/publications/x/final-research-report',
		);
		expect(reportCitation({ ...base, authors: ['A B', 'C D', 'E F'] })).toMatch(/^A B, C D and E F \(2025\)/);
		expect(reportCitation({ ...base, authors: ['A B', 'C D', 'E F', 'G H'] })).toMatch(/^A B et al\. \(2025\)/);
	});

	test('dates are calendar days, whatever the time zone of the build', () => {
		expect(formatLongDate(new Date('2025-07-11'))).toBe('11 July 2025');
		expect(formatLongDate(new Date('2025-07-11T23:30:00Z'))).toBe('11 July 2025');
	});
});
