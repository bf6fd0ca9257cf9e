import { describe, expect, test } from 'vitest';
import { type PagefindFragment, type PagefindSubResult, centredExcerpt, pickAnswer, pickSections, resultKind, resultTitle, safeExcerpt, shapeResult, sortFilterValues, statusMessage } from '../../src/lib/search-results.ts';

function sub(id: string | undefined, score: number, excerpt = `about ${id}`): PagefindSubResult {
	return {
		title: id ?? 'Page title',
		url: id ? `/page/#${id}` : '/page/',
		excerpt,
		locations: score ? [1] : [],
		weighted_locations: score ? [{ balanced_score: score }] : [],
		anchor: id ? { id, element: 'h2' } : undefined,
	};
}

function fragment(overrides: Partial<PagefindFragment> = {}): PagefindFragment {
	return {
		url: '/findings/6-a-bridge-between-sectors/',
		excerpt: 'page <mark>commissioning</mark> excerpt',
		meta: { type: 'finding', number: '6', strength: 'moderate', title: 'Finding 6: A bridge between the voluntary sector and public bodies' },
		filters: { type: ['finding'] },
		sub_results: [],
		...overrides,
	};
}

describe('resultKind says what a result is', () => {
	test.each([
		[{ type: 'finding', number: '6', strength: 'moderate' }, {}, 'Finding 6 · Moderate evidence'],
		[{ type: 'finding', number: '2' }, {}, 'Finding 2'],
		[{ type: 'finding' }, {}, 'List of findings'],
		[{ type: 'report', report: 'Survey findings' }, {}, 'Report summary'],
		[{ type: 'report' }, {}, 'List of reports'],
		[{ type: 'function' }, { function: ['Convening'] }, 'Function'],
		[{ type: 'function' }, {}, 'List of functions'],
		[{ type: 'definition' }, {}, 'Definition'],
		[{ type: 'pathway' }, {}, 'Pathways'],
		[{ type: 'question' }, {}, 'Common question'],
		[{ type: 'page' }, {}, 'Page'],
		[{}, {}, 'Page'],
	])('%o %o → %s', (meta, filters, expected) => {
		expect(resultKind({ meta, filters })).toBe(expected);
	});
});

test('resultTitle drops "Finding N: " (the kind line says it) and leaves other titles alone', () => {
	expect(resultTitle(fragment())).toBe('A bridge between the voluntary sector and public bodies');
	expect(resultTitle({ meta: { type: 'report', title: 'Finding 6: not a finding' } })).toBe('Finding 6: not a finding');
	expect(resultTitle({ meta: {} })).toBe('');
});

describe('safeExcerpt', () => {
	test('escapes page text but keeps Pagefind’s marks', () => {
		expect(safeExcerpt('R&D <b>x</b> <mark>cold</mark> "spot"')).toBe('R&amp;D &lt;b&gt;x&lt;/b&gt; <mark>cold</mark> &quot;spot&quot;');
	});

	test('closes the gap a dropped source citation leaves before punctuation', () => {
		expect(safeExcerpt('for <mark>funding</mark> . The next , one')).toBe('for <mark>funding</mark>. The next, one');
	});
});

describe('pickSections', () => {
	test('keeps up to three sections with a heading id, best match first, page order breaking ties', () => {
		const picked = pickSections([sub(undefined, 900), sub('a', 10), sub('b', 500), sub('c', 0), sub('d', 10), sub('e', 20)]);
		expect(picked.map((s) => s.anchor?.id)).toEqual(['b', 'e', 'a']);
	});

	test('falls back to the number of matches when Pagefind gives no weights', () => {
		const few = { ...sub('few', 1), weighted_locations: undefined, locations: [1] };
		const many = { ...sub('many', 1), weighted_locations: undefined, locations: [1, 2, 3] };
		expect(pickSections([few, many]).map((s) => s.anchor?.id)).toEqual(['many', 'few']);
	});
});

describe('shapeResult', () => {
	test('links the page and its sections with the searched words, and says what it is', () => {
		const shaped = shapeResult(fragment({ sub_results: [sub(undefined, 0), sub('what-the-research-found', 5, 'open <mark>commissioning</mark> & funding')] }), ' commissioning ');
		expect(shaped).toEqual({
			kind: 'Finding 6 · Moderate evidence',
			title: 'A bridge between the voluntary sector and public bodies',
			url: '/findings/6-a-bridge-between-sectors/?highlight=commissioning',
			excerpt: '',
			sections: [{ title: 'what-the-research-found', url: '/page/?highlight=commissioning#what-the-research-found', excerpt: 'open <mark>commissioning</mark> &amp; funding' }],
		});
	});

	test('shows the top-of-page excerpt when the words match above the first heading', () => {
		const shaped = shapeResult(fragment({ sub_results: [sub(undefined, 9, 'the <mark>statement</mark>'), sub('a', 5)] }), 'statement');
		expect(shaped.excerpt).toBe('the <mark>statement</mark>');
		expect(shaped.sections).toHaveLength(1);
	});

	test('uses the page excerpt when the page has no sections to link', () => {
		expect(shapeResult(fragment(), 'commissioning').excerpt).toBe('page <mark>commissioning</mark> excerpt');
	});

	test('browsing by filter alone shows no excerpt, sections or highlight', () => {
		const shaped = shapeResult(fragment({ sub_results: [sub('a', 5)] }), '');
		expect(shaped).toMatchObject({ url: '/findings/6-a-bridge-between-sectors/', excerpt: '', sections: [] });
	});
});

describe('statusMessage', () => {
	test.each([
		[0, { query: 'zzz', filters: {} }, 'No results for “zzz”.'],
		[1, { query: ' 530 ', filters: {} }, '1 result for “530”.'],
		[3, { query: 'cold spot', filters: { type: 'finding', function: 'Convening' } }, '3 results for “cold spot” (kind of page: Findings; function: Convening).'],
		[7, { query: '', filters: { type: 'report' } }, '7 pages match the filters (kind of page: Report summaries).'],
		[2, { query: 'funding', filters: { strength: 'moderate' } }, '2 results for “funding” (evidence strength: Moderate).'],
		[1, { query: '', filters: { report: 'Evidence review' } }, '1 page matches the filters (report: Evidence review).'],
		[0, { query: '', filters: { pathway: 'X' } }, 'No pages match the filters (outcome pathway: X).'],
	])('%i, %o → %s', (count, state, expected) => {
		expect(statusMessage(count, state)).toBe(expected);
	});
});

describe('centredExcerpt: the snippet is centred on the passage that matches', () => {
	const text =
		'Funding. LCSI funding was analysed as a proxy for its ability to deliver support. Areas with more civil society organisations tended to have higher total LCSI spending per head. There was no evidence linking higher LCSI spending to more civil society organisations being founded or surviving. Stakeholders emphasised the need for sufficient, consistent and flexible funding.';

	test('starts at the sentence holding the most distinct searched words, not at the first match', () => {
		const excerpt = centredExcerpt(text, ['evidence', 'spending', 'founded'], 0, undefined, 20);
		expect(excerpt).toMatch(/^… There was no <mark>evidence<\/mark> linking higher LCSI <mark>spending<\/mark>/);
		expect(excerpt).toContain('<mark>founded</mark>');
	});

	test('marks whole words only, and never grammar words', () => {
		const excerpt = centredExcerpt(text, ['is', 'organisations', 'to'], 0, undefined, 40);
		expect(excerpt).toContain('<mark>organisations</mark>');
		expect(excerpt).not.toMatch(/<mark>(is|to)<\/mark>/i);
		expect(centredExcerpt('organisations tend to', ['is'])).toBe('');
	});

	test('stays within its section and escapes the page text', () => {
		const excerpt = centredExcerpt('A <b> & R&D. Funding here. Next section funding.', ['funding'], 0, 6, 30);
		expect(excerpt).toBe('A &lt;b&gt; &amp; R&amp;D. <mark>Funding</mark> here.');
	});

	test('gives nothing when the section does not match, so the caller can fall back', () => {
		expect(centredExcerpt(text, ['commissioning'])).toBe('');
	});
});

describe('pickAnswer: a query that asks a common question gets its answer first', () => {
	const question = (title: string, keywords = '', extra: Record<string, string> = {}): PagefindFragment => ({
		url: `/questions/#${title.toLowerCase().replace(/\W+/g, '-')}`,
		excerpt: '',
		meta: { type: 'question', title, strength: 'moderate', kind: 'finding', read: '/findings/4-sufficiency-is-about-quality/#what-the-research-found', readLabel: 'Finding 4: Enough LCSI is about quality, not coverage', keywords, ...extra },
		filters: {},
		sub_results: [],
		raw_content: `Answer to   ${title}`,
	});
	const funding = question('Does more funding for local infrastructure lead to more charities?', 'funding, spending, charities');
	const quality = question('What makes local infrastructure good quality?', 'quality, local knowledge');

	test('a whole question that covers the question’s words', () => {
		const card = pickAnswer([{ fragment: quality, rank: 0 }, { fragment: funding, rank: 1 }], 'does more funding lead to more charities', ['funding', 'lead', 'charities']);
		expect(card).toMatchObject({ question: funding.meta.title, answer: `Answer to ${funding.meta.title}`, strength: 'moderate', readLabel: 'Finding 4: Enough LCSI is about quality, not coverage' });
		expect(card!.readUrl).toBe('/findings/4-sufficiency-is-about-quality/?highlight=funding&highlight=lead&highlight=charities#what-the-research-found');
	});

	test('keyword searches of one word are never answered for the reader; one word asked as a question is', () => {
		expect(pickAnswer([{ fragment: quality, rank: 0 }], 'quality', ['quality'])).toBeUndefined();
		expect(pickAnswer([{ fragment: quality, rank: 0 }], 'what is quality?', ['quality'])).toBeDefined();
	});

	test('too few of the words: no answer', () => {
		expect(pickAnswer([{ fragment: funding, rank: 0 }], 'funding for volunteer centres in rural areas', ['funding', 'volunteer', 'centres', 'rural', 'areas'])).toBeUndefined();
	});

	test('the subject words every question shares do not decide which question is asked', () => {
		const councils = question('What do councils and health systems gain from local infrastructure?', 'council, local government');
		const funders = question('What should national government and funders take from this?', 'government, funders');
		// "local" and "infrastructure" would make three of four terms for the councils question.
		expect(pickAnswer([{ fragment: councils, rank: 0 }, { fragment: funders, rank: 1 }], 'what should government do to support local infrastructure', ['government', 'support', 'local', 'infrastructure'])).toBeUndefined();
	});

	test('a query typed as the question asks it, whatever its words', () => {
		const does = question('What does local infrastructure do?', 'functions');
		const what = question('What is local civil society infrastructure (LCSI)?', 'definition');
		const card = pickAnswer([{ fragment: what, rank: 0 }, { fragment: does, rank: 1 }], 'what does local infrastructure do', ['local', 'infrastructure']);
		expect(card?.question).toBe('What does local infrastructure do?');
	});

	test('pages that are not questions are never answers', () => {
		const finding = { ...funding, meta: { ...funding.meta, type: 'finding' } };
		expect(pickAnswer([{ fragment: finding, rank: 0 }], 'funding charities', ['funding', 'charities'])).toBeUndefined();
	});
});

test('filter options: the strength scale in its own order, other values by name', () => {
	expect(sortFilterValues('strength', ['mixed', 'emerging', 'strong', 'moderate'])).toEqual(['strong', 'moderate', 'emerging', 'mixed']);
	expect(sortFilterValues('type', ['report', 'definition', 'finding'])).toEqual(['definition', 'finding', 'report']);
});
