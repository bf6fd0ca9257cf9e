/**
 * The three rehype plugins every MDX page goes through: heading anchors, glossary links and
 * base-path links. Run through a real unified pipeline so the HTML is what readers get.
 */
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import rehypeBaseLinks from '../../src/integrations/rehype-base-links.ts';
import rehypeGlossaryLinks, { termMatcher } from '../../src/integrations/rehype-glossary-links.ts';
import rehypeHeadingAnchors from '../../src/integrations/rehype-heading-anchors.ts';

function run(html: string, plugin: (tree: Root) => void): string {
	const processor = unified()
		.use(rehypeParse, { fragment: true })
		.use(() => plugin)
		.use(rehypeStringify);
	return String(processor.processSync(html));
}

describe('rehype-heading-anchors', () => {
	const anchors = rehypeHeadingAnchors();
	test('appends a copy-link control after every h2 and h3 that has an id', () => {
		const out = run('<h2 id="what-the-research-found">What the research <em>found</em></h2><h3 id="for-trustees">For trustees</h3>', anchors);
		expect(out).toContain('<div class="heading-wrapper level-h2"><h2 id="what-the-research-found">What the research <em>found</em></h2><a class="anchor-link" href="#what-the-research-found" data-copy-link="">');
		expect(out).toContain('<span class="sr-only" data-pagefind-ignore="">Copy link to section: What the research found</span>');
		expect(out).toContain('href="#for-trustees"');
	});
	test('keeps the link outside the heading so the heading text stays clean', () => {
		const out = run('<h2 id="x">Title</h2>', anchors);
		expect(out).toMatch(/<h2 id="x">Title<\/h2><a /);
	});
	test('leaves h1, h4 and headings without ids alone', () => {
		const html = '<h1 id="a">A</h1><h4 id="b">B</h4><h2>No id</h2>';
		expect(run(html, anchors)).toBe(html);
	});
});

describe('rehype-base-links', () => {
	test('prefixes site links and sources with the base', () => {
		const out = run('<a href="/findings/5/">5</a><img src="/og/site.png" alt=""><a href="#x">x</a><a href="https://www.gov.uk/">g</a>', rehypeBaseLinks({ base: '/lcsi/' }));
		expect(out).toContain('href="/lcsi/findings/5/"');
		expect(out).toContain('src="/lcsi/og/site.png"');
		expect(out).toContain('href="#x"');
		expect(out).toContain('href="https://www.gov.uk/"');
	});
});

describe('rehype-glossary-links', () => {
	const terms = [
		{ id: 'vcs', term: 'VCS', aka: ['voluntary and community sector'] },
		{ id: 'cold-spot', term: 'cold spot', aka: [] },
		{ id: 'lcsi', term: 'LCSI', aka: ['local civil society infrastructure'] },
	];
	const glossary = rehypeGlossaryLinks({ terms });

	test('links the first use of each term on the page, and only the first', () => {
		const out = run('<p>LCSI helps the VCS. LCSI again.</p><p>The VCS again.</p>', glossary);
		expect(out.match(/class="glossary-term"/g)).toHaveLength(2);
		expect(out).toContain('<a href="/definitions/glossary/#lcsi" class="glossary-term">LCSI</a> helps the <a href="/definitions/glossary/#vcs" class="glossary-term">VCS</a>. LCSI again.');
	});
	test('matches ordinary words in any case, acronyms exactly', () => {
		expect(run('<p>A Cold Spot for funding.</p>', glossary)).toContain('href="/definitions/glossary/#cold-spot"');
		expect(run('<p>the vcs is lower case here</p>', glossary)).not.toContain('glossary-term');
	});
	test('links aliases to the same term', () => {
		expect(run('<p>Local civil society infrastructure matters.</p>', glossary)).toContain('href="/definitions/glossary/#lcsi" class="glossary-term">Local civil society infrastructure</a>');
	});
	test('never links inside headings, links, code or quotations, nor parts of words', () => {
		const html = '<h2>LCSI</h2><p><a href="/x">LCSI</a> <code>VCS</code></p><blockquote><p>cold spot</p></blockquote><p>VCSE and LCSI-wide</p>';
		expect(run(html, glossary)).not.toContain('glossary-term');
	});
	test('the matcher prefers the longest form', () => {
		const m = termMatcher([
			{ id: 'vcs', term: 'VCS' },
			{ id: 'vcse', term: 'VCSE' },
		]);
		expect('the VCSE sector'.match(m.regex)?.[0]).toBe('VCSE');
	});
});
