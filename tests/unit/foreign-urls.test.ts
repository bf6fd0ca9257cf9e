/**
 * The reading of built HTML for URLs that would reach another host (tests/support/foreign-urls.ts):
 * each way markup can fetch from or connect to elsewhere is caught, and links out, own-origin
 * meta and URLs that reach no host are not.
 */
import { describe, expect, test } from 'vitest';
import { foreignResourceUrls } from '../support/foreign-urls.ts';

const ORIGIN = 'https://evidence.example.org';
const page = (head: string, body = '') => `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`;

describe('caught, one line each, naming the host', () => {
	test.each([
		['a preconnect', page('<link rel="preconnect" href="https://fonts.googleapis.com">'), 'fonts.googleapis.com'],
		['a dns-prefetch', page('<link rel="dns-prefetch" href="//cdn.example.net">'), 'cdn.example.net'],
		['a preload (font)', page('<link rel="preload" as="font" href="https://fonts.gstatic.com/x.woff2" crossorigin>'), 'fonts.gstatic.com'],
		['a prefetch', page('<link rel="prefetch" href="https://other.example/next.html">'), 'other.example'],
		['a modulepreload', page('<link rel="modulepreload" href="https://esm.example/m.js">'), 'esm.example'],
		['a prerender', page('<link rel="prerender" href="https://other.example/">'), 'other.example'],
		['an image preload by srcset', page('<link rel="preload" as="image" href="/a.png" imagesrcset="/a.png 1x, https://img.example/a2.png 2x">'), 'img.example'],
		['a stylesheet', page('<link rel="stylesheet" href="https://cdn.example/site.css">'), 'cdn.example'],
		['an icon', page('<link rel="icon" href="https://cdn.example/favicon.ico">'), 'cdn.example'],
		['a foreign canonical', page('<link rel="canonical" href="https://mirror.example/findings/">'), 'mirror.example'],
		['a script', page('<script src="https://analytics.example/a.js"></script>'), 'analytics.example'],
		['an image', page('', '<img src="https://example.com/x.png" alt="">'), 'example.com'],
		['an image by srcset', page('', '<img src="/x.png" srcset="/x.png 1x, https://example.com/x2.png 2x" alt="">'), 'example.com'],
		['a picture source', page('', '<picture><source srcset="https://img.example/x.webp" type="image/webp"><img src="/x.png" alt=""></picture>'), 'img.example'],
		['a video poster', page('', '<video src="/v.mp4" poster="https://img.example/p.jpg"></video>'), 'img.example'],
		['an iframe', page('', '<iframe src="https://www.youtube.com/embed/x" title="v"></iframe>'), 'www.youtube.com'],
		['an embed', page('', '<embed src="https://other.example/x.swf">'), 'other.example'],
		['an object', page('', '<object data="https://other.example/x.pdf"></object>'), 'other.example'],
		['a form action', page('', '<form action="https://forms.example/submit"><button>Go</button></form>'), 'forms.example'],
		['a button formaction', page('', '<form action="/search/"><button formaction="https://forms.example/s">Go</button></form>'), 'forms.example'],
		['a meta refresh', page('<meta http-equiv="refresh" content="0; url=https://other.example/">'), 'other.example'],
		['a foreign og:image', page('<meta property="og:image" content="https://cdn.example/card.png">'), 'cdn.example'],
		['a foreign og:url', page('<meta property="og:url" content="https://mirror.example/">'), 'mirror.example'],
		['a data-* attribute holding a URL', page('', '<div data-src="https://img.example/lazy.png"></div>'), 'img.example'],
		['a CSS url() in a style element', page('<style>body{background:url("https://img.example/bg.png")}</style>'), 'img.example'],
		['a CSS @import', page('<style>@import "https://fonts.googleapis.com/css2?family=X";</style>'), 'fonts.googleapis.com'],
		['a CSS url() in a style attribute', page('', '<div style="background-image:url(https://img.example/bg.png)"></div>'), 'img.example'],
		['an SVG image', page('', '<svg><image href="https://img.example/i.png" width="1" height="1"/></svg>'), 'img.example'],
		['an SVG xlink:href', page('', '<svg><use xlink:href="https://img.example/sprite.svg#a"/></svg>'), 'img.example'],
		['a base URL', page('<base href="https://other.example/">'), 'other.example'],
		['a link ping', page('', '<a href="/x/" ping="https://track.example/p">x</a>'), 'track.example'],
		['a script in a template', page('', '<template><script src="https://cdn.example/t.js"></script></template>'), 'cdn.example'],
	])('%s', (_, html, host) => {
		const problems = foreignResourceUrls(html, ORIGIN);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(`another host (${host})`);
	});
});

test('links out, descriptive relations, own-origin meta and host-less URLs pass', () => {
	const html = page(
		[
			`<link rel="canonical" href="${ORIGIN}/findings/">`,
			'<link rel="alternate" type="application/rss+xml" href="https://feeds.example/feed.xml">',
			'<link rel="license" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">',
			'<link rel="stylesheet" href="/_astro/site.css">',
			'<link rel="icon" href="/favicon.svg">',
			`<meta property="og:url" content="${ORIGIN}/findings/">`,
			`<meta property="og:image" content="${ORIGIN}/og/findings.png">`,
			`<meta name="twitter:image" content="${ORIGIN}/og/findings.png">`,
			'<meta name="description" content="The twelve findings of the LCSI research.">',
			'<meta http-equiv="refresh" content="0; url=/findings/5-local-knowledge/">',
			'<style>.x{background:url(data:image/png;base64,AAAA)}</style>',
		].join(''),
		[
			'<a href="https://www.gov.uk/government/publications/x">The report</a>',
			'<a href="mailto:someone@example.org">Email</a>',
			'<area href="https://www.navca.org.uk/" alt="NAVCA">',
			'<blockquote cite="https://www.navca.org.uk/news/x"><p>Quoted</p></blockquote>',
			'<img src="data:image/gif;base64,R0lGOD" alt="">',
			'<img src="/og/x.png" srcset="/og/x.png 1x, /og/x2.png 2x" alt="">',
			'<form action="/search/" method="get"><button>Search</button></form>',
			'<svg><a href="https://www.gov.uk/"><text>out</text></a></svg>',
			'<div data-node="activity-convening" data-note="see https://www.gov.uk/ for more"></div>',
		].join(''),
	);
	expect(foreignResourceUrls(html, ORIGIN)).toEqual([]);
});
