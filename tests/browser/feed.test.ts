/**
 * The RSS feed parses, names itself, and has the briefing and the twelve findings, each linking
 * to a page that exists in the build, with a date.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, siteUrl } from './support/browser.ts';
import { pageFile } from './support/head-meta.ts';
import { DIST, SUB_BASE, SUB_DIST } from './support/paths.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

test('a feed reader can fetch and parse it: served as XML, well-formed to a strict XML parser', async () => {
	const page = await browser.newPage();
	try {
		const response = await page.goto(siteUrl('feed.xml'));
		expect(response?.headers()['content-type']).toMatch(/xml/);
		const parsed = await page.evaluate(async (url) => {
			const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
			return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, items: doc.querySelectorAll('channel > item').length };
		}, siteUrl('feed.xml'));
		expect(parsed).toEqual({ error: null, root: 'rss', items: 13 });
	} finally {
		await page.close();
	}
});

interface Item {
	title: string;
	link: string;
	guid: string | { '#text': string };
	description: string;
	pubDate: string;
	category?: string | string[];
}

describe.each([
	{ dir: DIST, base: '/' },
	{ dir: SUB_DIST, base: SUB_BASE },
])('$dir/feed.xml (base $base)', ({ dir, base }) => {
	const read = () => readFileSync(join(dir, 'feed.xml'), 'utf8');

	test('is RSS 2.0 that describes itself', () => {
		const text = read();
		const { rss } = new XMLParser({ ignoreAttributes: false }).parse(text);
		expect(rss['@_version']).toBe('2.0');
		expect(rss.channel.title).toMatch(/LCSI Evidence Explorer/);
		expect(rss.channel.description.length).toBeGreaterThan(40);
		expect(new URL(rss.channel.link).pathname).toBe(base);
		expect(rss.channel['atom:link']['@_rel']).toBe('self');
		expect(new URL(rss.channel['atom:link']['@_href']).pathname).toBe(`${base}feed.xml`);
		// Pages announce the feed, so readers can find it from any page.
		expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain(`href="${base}feed.xml"`);
	});

	test('has the briefing and the twelve findings, each linking to a built page, with a date', () => {
		const items: Item[] = new XMLParser({ isArray: (name) => name === 'item' }).parse(read()).rss.channel.item;
		expect(items).toHaveLength(13);
		expect(items[0]!.title).toMatch(/^Briefing: /);
		expect(new URL(items[0]!.link).pathname).toBe(`${base}briefing/`);
		const findings = items.filter((i) => i.title.startsWith('Finding '));
		expect(findings.map((i) => Number(/^Finding (\d+):/.exec(i.title)?.[1]))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
		for (const item of items) {
			const path = new URL(item.link).pathname;
			expect(path.startsWith(base)).toBe(true);
			expect(existsSync(pageFile(dir, path.slice(base.length))), `${item.link} is a built page`).toBe(true);
			expect(Number.isNaN(Date.parse(item.pubDate)), item.pubDate).toBe(false);
			expect(item.description.length).toBeGreaterThan(40);
		}
	});
});
