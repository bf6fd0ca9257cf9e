import { describe, expect, test } from 'vitest';
import { absoluteUrl, svgDataUrl, withBase, withoutBase } from '../../src/lib/urls.ts';

describe('withBase', () => {
	test('prefixes root-relative paths with the base', () => {
		expect(withBase('/findings/5/', '/lcsi/')).toBe('/lcsi/findings/5/');
		expect(withBase('/', '/lcsi/')).toBe('/lcsi/');
		expect(withBase('/findings/#x', '/lcsi')).toBe('/lcsi/findings/#x');
	});
	test('leaves the path alone at the root base', () => {
		expect(withBase('/findings/', '/')).toBe('/findings/');
	});
	test('does not prefix twice', () => {
		expect(withBase('/lcsi/findings/', '/lcsi/')).toBe('/lcsi/findings/');
		expect(withBase('/lcsi', '/lcsi/')).toBe('/lcsi');
	});
	test('leaves external, protocol-relative, relative and fragment links alone', () => {
		for (const href of ['https://www.gov.uk/x', '//cdn.example/x', 'page/', '#section', 'mailto:a@b.c']) {
			expect(withBase(href, '/lcsi/')).toBe(href);
		}
	});
	test('a path that merely starts with the base letters is still prefixed', () => {
		expect(withBase('/lcsi-facts/', '/lcsi/')).toBe('/lcsi/lcsi-facts/');
	});
});

describe('withoutBase', () => {
	test('strips the base so paths compare with site paths', () => {
		expect(withoutBase('/lcsi/findings/', '/lcsi/')).toBe('/findings/');
		expect(withoutBase('/findings/', '/')).toBe('/findings/');
	});
});

describe('absoluteUrl', () => {
	test('joins site origin, base and path', () => {
		expect(absoluteUrl('/findings/5-local-knowledge/', 'https://example.org', '/lcsi/')).toBe('https://example.org/lcsi/findings/5-local-knowledge/');
		expect(absoluteUrl('/', new URL('https://example.org'), '/')).toBe('https://example.org/');
	});
});

describe('svgDataUrl', () => {
	test('an SVG becomes a data: URL with no space, angle bracket, # or double quote left as it is, and decodes back to the same picture', () => {
		const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\n  <rect fill="#0f2a44" width="32" height="32"/>\n</svg>\n';
		const url = svgDataUrl(svg);
		expect(url.startsWith('data:image/svg+xml,')).toBe(true);
		expect(url).not.toMatch(/[\s<>#"]/);
		expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toBe("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'> <rect fill='#0f2a44' width='32' height='32'/> </svg>");
		expect(new URL(url).protocol).toBe('data:');
	});
});
