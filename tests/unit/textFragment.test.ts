import { describe, expect, test } from 'vitest';
import { buildTextDirective, encodeTerm, formatTextDirective, parseTextDirective, textFragmentUrl, widenToWords } from '../../src/lib/textFragment.ts';

/** A page's text, with the selection marked [[like this]]; returns the context the script would build. */
function select(marked: string, blockBefore = '', blockAfter = '') {
	const [pre, rest] = marked.split('[[');
	const [selected, post] = rest!.split(']]');
	return { selected: selected!, before: blockBefore + pre!, after: post! + blockAfter, pageText: `${blockBefore}${pre}${selected}${post}${blockAfter}` };
}

describe('encodeTerm', () => {
	test('percent-encodes the characters the directive syntax reserves: - & ,', () => {
		expect(encodeTerm('buy-in & trust, too')).toBe('buy%2Din%20%26%20trust%2C%20too');
	});

	test('encodes non-ASCII as UTF-8 and leaves the spec’s unreserved characters', () => {
		expect(encodeTerm('“local first”')).toBe('%E2%80%9Clocal%20first%E2%80%9D');
		expect(encodeTerm("VCSE's (local) work.")).toBe("VCSE's%20(local)%20work.");
	});
});

describe('formatTextDirective and parseTextDirective', () => {
	test('write prefix-, start, end and -suffix in the spec’s order, and read them back', () => {
		const directive = { prefix: 'the', textStart: 'local-first approach', textEnd: 'concerns', suffix: 'and, so' };
		const text = formatTextDirective(directive);
		expect(text).toBe('text=the-,local%2Dfirst%20approach,concerns,-and%2C%20so');
		expect(parseTextDirective(text)).toEqual(directive);
	});

	test('a plain quotation is just text=…', () => {
		expect(formatTextDirective({ textStart: 'cold spot' })).toBe('text=cold%20spot');
		expect(parseTextDirective('text=cold%20spot')).toEqual({ textStart: 'cold spot' });
	});
});

describe('textFragmentUrl', () => {
	test('keeps the nearest section as the fallback anchor before :~:', () => {
		expect(textFragmentUrl('https://example.org/lcsi/findings/5-local-knowledge/#old', { textStart: 'key people' }, 'the-evidence-behind-it')).toBe(
			'https://example.org/lcsi/findings/5-local-knowledge/#the-evidence-behind-it:~:text=key%20people',
		);
	});

	test('without a section, the directive follows the # directly', () => {
		expect(textFragmentUrl('https://example.org/reports/what-works/', { textStart: 'x y' })).toBe('https://example.org/reports/what-works/#:~:text=x%20y');
	});
});

describe('widenToWords', () => {
	test('widens a selection that starts or ends inside a word to whole words, since matches are whole words', () => {
		expect(widenToWords({ before: 'the local know', selected: 'ledge of the ar', after: 'ea matters' })).toEqual({
			before: 'the local ',
			selected: 'knowledge of the area',
			after: ' matters',
		});
	});

	test('moves white space at the edges out of the selection', () => {
		expect(widenToWords({ before: 'a', selected: ' b c ', after: 'd' })).toEqual({ before: 'a ', selected: 'b c', after: ' d' });
	});
});

describe('buildTextDirective', () => {
	test('a short selection that occurs once is quoted whole', () => {
		expect(buildTextDirective(select('Knowing [[the local area]] well matters.'))).toEqual({ textStart: 'the local area' });
	});

	test('line breaks and runs of spaces in the selection become single spaces', () => {
		expect(buildTextDirective(select('One [[local\n   area]] only.'))).toEqual({ textStart: 'local area' });
	});

	test('a long selection becomes textStart,textEnd of a few words each', () => {
		const context = select('Intro. [[Strong local infrastructure depends on several things working together, namely funding, knowledge and relationships.]] Next.');
		expect(buildTextDirective(context)).toEqual({ textStart: 'Strong local infrastructure', textEnd: 'knowledge and relationships.' });
	});

	test('the start grows until it is unique on the page', () => {
		const context = select('Local infrastructure is local. [[Local infrastructure matters because it brings groups, funders and councils together in one place]].');
		const directive = buildTextDirective(context)!;
		expect(directive.textStart).toBe('Local infrastructure matters');
	});

	test('the end grows when its words occur earlier inside the selection', () => {
		const context = select('[[The groups meet in one place and the funders and councils also meet in one place]] today.');
		const directive = buildTextDirective(context)!;
		expect(directive.textEnd).toBe('meet in one place');
		// The browser finds textEnd after textStart: it must not occur earlier in the selection.
		const rest = context.selected.slice(directive.textStart.length);
		expect(rest.indexOf(directive.textEnd!)).toBe(rest.length - directive.textEnd!.length);
	});

	test('a repeated phrase gets the words before it as prefix', () => {
		const context = select('Funding matters. Local knowledge matters most to [[quality]], says one report; quality is also about fit.');
		expect(buildTextDirective(context)).toEqual({ prefix: 'to', textStart: 'quality' });
	});

	test('a repeated phrase at the start of its block gets the words after it as suffix', () => {
		const context = select('[[Quality]] depends on fit. Then quality again.');
		expect(buildTextDirective(context)).toEqual({ textStart: 'Quality', suffix: 'depends' });
	});

	test('matching ignores case, as browsers do, so "Quality" and "quality" count as the same text', () => {
		expect(buildTextDirective(select('[[Quality]] first. quality second.'))?.suffix).toBe('first.');
	});

	test('an empty or white-space selection gives no directive', () => {
		expect(buildTextDirective({ selected: '  \n ', before: 'a', after: 'b', pageText: 'a b' })).toBeUndefined();
	});

	test('round trip: the generated link decodes to the selected words', () => {
		const context = select('Survey respondents rated [[“facilitating funding” – and, often, advocacy]] highly.');
		const url = textFragmentUrl('https://example.org/findings/2-five-functions/', buildTextDirective(context)!, 'what-the-research-found');
		const directive = url.split(':~:')[1]!;
		expect(directive).not.toMatch(/[\s“”–]/);
		expect(parseTextDirective(directive).textStart).toBe('“facilitating funding” – and, often, advocacy');
	});
});
