/**
 * No layout shift while a page is still arriving. On a slow connection a browser paints what it
 * has parsed so far, so an element can be on screen before its own text is (a Search button
 * with no word in it yet, an evidence badge showing only its bars), and a page outgrows the
 * window and gains a scroll bar; if what is on screen then grows or narrows, what sits beside it
 * moves. The other layout-shift tests load pages whole, which never shows this. Here a server
 * sends each page's HTML in small pieces with a pause between them (the browser paints between
 * pieces) and the page's other files at once, and every shift is recorded with where it was.
 *
 * The home page, a finding and the list of reports must not shift at all. (Fixes this found:
 * the findings key's badges, the Search button, the scroll bar's room; on the home page, the
 * badges at the foot of the finding cards, once aligned across a row that grew as its last card
 * arrived; on a phone the site's name, centred in a row whose height changed as its words and
 * the Menu button arrived.)
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, siteUrl } from './support/browser.ts';
import { pageFile } from './support/head-meta.ts';
import { DIST } from './support/paths.ts';

/** Bytes per piece, and the pause after each: small enough that a piece ends inside most elements of the first screen. */
const PIECE = 256;
const PAUSE_MS = 20;
/** The first screen is in the first part of the HTML; the rest is sent at once. */
const STREAMED = 40_000;

const PAGES = ['', 'findings/5-local-knowledge/', 'reports/'];

let browser: Browser;
let server: Server;
let origin: string;

beforeAll(async () => {
	browser = await launchBrowser();
	server = createServer(async (req, res) => {
		const requested = (req.url ?? '/').replace(/^\//, '');
		const path = new URL(requested, 'http://localhost/').pathname.replace(/^\//, '');
		if (path === '' || path.endsWith('/')) {
			const html = readFileSync(pageFile(DIST, path));
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
			for (let at = 0; at < Math.min(html.length, STREAMED); at += PIECE) {
				res.write(html.subarray(at, Math.min(at + PIECE, STREAMED)));
				await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
			}
			res.end(html.subarray(Math.min(html.length, STREAMED)));
			return;
		}
		// Everything else from the site's own server, whole.
		const upstream = await fetch(siteUrl(requested));
		res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
		res.end(Buffer.from(await upstream.arrayBuffer()));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
	await browser?.close();
	await new Promise((resolve) => server?.close(resolve));
});

describe.concurrent.for(PAGES)('/%s, its HTML arriving in pieces', (path) => {
	test.each([
		['a phone', { width: 412, height: 823 }],
		['a desktop', { width: 1280, height: 800 }],
	])('paints without a layout shift on %s', async (_, viewport) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		try {
			// Record each shift's elements as it happens (a node may be gone by the end).
			await page.addInitScript(() => {
				type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
				const w = window as unknown as { shifts: string[] };
				w.shifts = [];
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & { hadRecentInput: boolean; sources: Source[] })[]) {
						if (entry.hadRecentInput) continue;
						for (const { node, previousRect: a, currentRect: b } of entry.sources) {
							const element = node instanceof Element ? node : node?.parentElement;
							const name = element ? `${element.tagName}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''}` : 'a removed node';
							w.shifts.push(`${name}: x ${Math.round(a.x)} → ${Math.round(b.x)}, y ${Math.round(a.y)} → ${Math.round(b.y)}`);
						}
					}
				}).observe({ type: 'layout-shift', buffered: true });
			});
			await page.goto(origin + path, { waitUntil: 'load' });
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
			await page.waitForTimeout(300);
			const { shifts, firstPaint, htmlIn } = await page.evaluate(() => ({
				shifts: (window as unknown as { shifts: string[] }).shifts,
				firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
				htmlIn: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
			}));
			// The reader saw the page before it had all arrived: the case under test.
			expect(firstPaint, 'first paint before the last of the HTML').toBeLessThan(htmlIn - 500);
			expect(shifts).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
