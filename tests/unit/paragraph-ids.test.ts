/**
 * Paragraph ids (src/integrations/rehype-paragraph-ids.ts): derived from the paragraph's words
 * alone, so a link to a paragraph keeps working from build to build, when other paragraphs are
 * added, moved or renumbered, and when its source markers are renumbered.
 */
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import rehypeParagraphIds, { normaliseWords, paragraphId } from '../../src/integrations/rehype-paragraph-ids.ts';

const FINDING = '/project/content/findings/local-knowledge.mdx';

function run(html: string, path = FINDING): string {
	const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeParagraphIds).use(rehypeStringify);
	return String(processor.processSync(new VFile({ value: html, path })));
}

const ids = (html: string) => [...html.matchAll(/<p id="([^"]+)"/g)].map((m) => m[1]);

describe('paragraphId', () => {
	test('is p- and seven base-36 characters, and the same every time', () => {
		const id = paragraphId('Knowing the local area well is the single most important factor.');
		expect(id).toMatch(/^p-[0-9a-z]{7}$/);
		expect(paragraphId('Knowing the local area well is the single most important factor.')).toBe(id);
		// Pinned: a change to the hash or the normalisation would break every shared paragraph link.
		expect(paragraphId('Knowing the local area well is the single most important factor.')).toBe('p-1h58sf0');
	});

	test('depends on the words only: case, punctuation, quote marks and spacing do not change it', () => {
		const id = paragraphId('LCSI organisations were seen as an "effective bridge".');
		expect(paragraphId('lcsi organisations were seen   as an “effective bridge”')).toBe(id);
		expect(paragraphId('LCSI organisations were seen as an effective bridge!')).toBe(id);
		expect(paragraphId('LCSI organisations were seen as a bridge.')).not.toBe(id);
	});

	test('normaliseWords keeps letters and digits, in lower case, single-spaced', () => {
		expect(normaliseWords('  A sample frame of 663 organisations — in England’s areas. ')).toBe('a sample frame of 663 organisations in englands areas');
	});
});

describe('rehype-paragraph-ids', () => {
	const html = '<h2 id="what">What</h2><p>First paragraph<sup class="note-ref"><a href="#source-note-1">[1]</a></sup>.</p><ul><li><p>In a list.</p></li></ul><p>Second paragraph.</p>';

	test('gives each paragraph an id from its words and a link control to it', () => {
		const out = run(html);
		expect(ids(out)).toEqual([paragraphId('First paragraph.'), paragraphId('In a list.'), paragraphId('Second paragraph.')]);
		const id = paragraphId('Second paragraph.');
		expect(out).toContain(`<p id="${id}">Second paragraph. <a class="para-link" href="#${id}" data-copy-link="" data-pagefind-ignore="" aria-label="Copy link to the paragraph “Second paragraph.”">`);
	});

	test('ignores source markers, so renumbering the sources keeps every id', () => {
		const renumbered = run(html.replace('#source-note-1">[1]', '#source-note-7">[7]'));
		expect(ids(renumbered)).toEqual(ids(run(html)));
	});

	test('an id does not move when paragraphs are added before it or reordered', () => {
		const before = ids(run('<p>Alpha.</p><p>Beta.</p>'));
		const after = ids(run('<p>New one.</p><p>Beta.</p><p>Alpha.</p>'));
		expect(after.slice(1).sort()).toEqual([...before].sort());
	});

	test('the same words twice get -2, in page order, and never an id already on the page', () => {
		const taken = paragraphId('Repeat.');
		expect(ids(run('<p>Repeat.</p><p>Repeat.</p>'))).toEqual([taken, `${taken}-2`]);
		expect(ids(run(`<h2 id="${taken}">Clash</h2><p>Repeat.</p>`))).toEqual([`${taken}-2`]);
	});

	test('leaves the Sources endnotes, empty paragraphs and other pages alone', () => {
		expect(ids(run('<section class="source-notes"><p>A note.</p></section><p> </p>'))).toEqual([]);
		expect(run('<p>On the briefing.</p>', '/project/content/pages/briefing.mdx')).toBe('<p>On the briefing.</p>');
		expect(ids(run('<p>In a report.</p>', '/project/content/reports/survey-findings.mdx'))).toEqual([paragraphId('In a report.')]);
	});

	test('running twice over the same content (two builds) gives the same ids', () => {
		expect(run(html)).toBe(run(html));
	});
});
