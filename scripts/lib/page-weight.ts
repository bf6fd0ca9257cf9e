/**
 * What a page costs to load, as Chromium counts it: bytes on the wire per request (body as
 * transferred, so gzip-compressed when the server compresses, plus response headers), grouped
 * by kind. Used by the weight budget test (tests/browser/every-page.test.ts) and `npm run bench`,
 * both against scripts/lib/static-server.ts, which gzips text as a CDN would.
 *
 * The search index (anything under /pagefind/) is counted apart: the brief's budget excludes
 * it, and it is fetched only when someone searches.
 */
import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';

/** The site brief's budget for a reading page. 1 KB is taken as 1,000 bytes, the stricter reading. */
export const BUDGET = { total: 60_000, js: 15_000 } as const;

export interface Transfer {
	url: string;
	/** Playwright's resource type: document, stylesheet, script, font, image, fetch, … */
	type: string;
	bytes: number;
}

export interface PageWeight {
	/** Everything but the search index. */
	total: number;
	html: number;
	css: number;
	/** Script files as transferred, plus the text of inline scripts (counted uncompressed). */
	js: number;
	other: number;
	requests: number;
	/** Bytes fetched from /pagefind/, not in `total`. */
	searchIndex: number;
}

export const isSearchIndex = (url: string) => new URL(url).pathname.includes('/pagefind/');

/**
 * Start counting a page's requests; call before it navigates. The returned function waits
 * for the network to go quiet and gives every finished request with its size.
 */
export function recordTransfers(page: Page): () => Promise<Transfer[]> {
	const pending: Promise<Transfer>[] = [];
	const onFinished = (request: Request) => {
		pending.push(
			request.sizes().then((s) => ({ url: request.url(), type: request.resourceType(), bytes: s.responseBodySize + s.responseHeadersSize })),
		);
	};
	page.on('requestfinished', onFinished);
	return async () => {
		// Late requests (a script importing another, a lazily loaded image) count as well.
		await page.waitForLoadState('networkidle');
		// Stop counting, so a tab that goes on to another page starts from nothing.
		page.off('requestfinished', onFinished);
		return Promise.all(pending);
	};
}

/**
 * Bytes of the inline <script> code on the page as it travels: compressed, as the HTML around it
 * is, and as every script fetched on its own is counted (JSON data blocks are not code and are
 * left out). The search page carries its whole script inline (src/pages/search.astro).
 */
export async function inlineScriptBytes(page: Page): Promise<number> {
	const code = await page.evaluate(() =>
		[...document.querySelectorAll('script:not([src])')]
			.filter((s) => !/json/i.test(s.getAttribute('type') ?? ''))
			.map((s) => s.textContent ?? '')
			.join('\n'),
	);
	return code ? gzipSync(code).length : 0;
}

export function summarise(transfers: Transfer[], inlineJs = 0): PageWeight {
	const w: PageWeight = { total: 0, html: 0, css: 0, js: inlineJs, other: 0, requests: 0, searchIndex: 0 };
	for (const t of transfers) {
		if (isSearchIndex(t.url)) {
			w.searchIndex += t.bytes;
			continue;
		}
		w.requests++;
		w.total += t.bytes;
		if (t.type === 'document') w.html += t.bytes;
		else if (t.type === 'stylesheet') w.css += t.bytes;
		else if (t.type === 'script') w.js += t.bytes;
		else w.other += t.bytes;
	}
	return w;
}

/** Whole kilobytes with one decimal, for tables: 12345 → "12.3". */
export const kb = (bytes: number) => (bytes / 1000).toFixed(1);
