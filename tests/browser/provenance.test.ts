/**
 * Provenance as a reader meets it in the built site: source notes, not parenthetical
 * citations; section labels that are the sources' real headings; at most one marker per
 * sentence; and a note a reader can open by keyboard, read and follow to the passage.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSourceRegistry } from '../../src/lib/sources.ts';
import { allProblems, launchBrowser, openPage, siteUrl } from './support/browser.ts';
import { builtPages } from './support/pages.ts';
import { DIST } from './support/paths.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const pages = builtPages(DIST).filter((p) => !/^findings\/\d+\/$/.test(p));
const registry = loadSourceRegistry('content');
const realHeadings = new Set([...registry.byId.values()].flatMap((s) => s.sections.map((x) => x.heading).filter((h): h is string => h !== null)));
/** Labels the site once showed in quotation marks as if they were NAVCA's headings. */
const FALSE_HEADINGS = ['Functions', 'Sufficiency', 'Impacts, benefits and costs', 'What works', 'How is LCSI defined?'];

const html = (path: string) => readFileSync(`${DIST}/${path.endsWith('/') || path === '' ? `${path}index.html` : path}`, 'utf8');

test('the build has pages with source notes to check', () => {
	expect(pages.filter((p) => html(p).includes('role="doc-noteref"')).length).toBeGreaterThanOrEqual(20);
});

describe.each(pages)('/%s', (path) => {
	test('names sections only by their real headings, never a made-up label in quotation marks', () => {
		const text = html(path);
		for (const label of FALSE_HEADINGS) {
			expect(text, label).not.toContain(`‘${label}’`);
			expect(text, label).not.toContain(`'${label}'`);
			expect(text, label).not.toContain(`“${label}”`);
		}
		for (const m of text.matchAll(/section ‘([^’]+)’/g)) expect(realHeadings.has(m[1]!.replace(/&amp;/g, '&')), m[1]).toBe(true);
		// No old-style inline citation "(NAVCA briefing, …)" anywhere.
		expect(text).not.toMatch(/\(<a[^>]*>NAVCA briefing<\/a>,/);
	});

	test('every note marker links to a note on the page, and every note back to its markers', () => {
		const text = html(path);
		const refs = [...text.matchAll(/<a href="#(source-note-\d+)" id="(source-ref-\d+-\d+)" role="doc-noteref"/g)];
		for (const [, note] of refs) expect(text, note).toContain(`<li id="${note}"`);
		for (const m of text.matchAll(/href="#(source-ref-\d+-\d+)" role="doc-backlink"/g)) expect(text, m[1]).toContain(`id="${m[1]}"`);
		if (refs.length > 0) expect(text).toContain('role="doc-endnotes"');
	});
});

test('no sentence on any page carries more than one source marker', async () => {
	const { page, close } = await openPage(browser, siteUrl(''), { javaScriptEnabled: false });
	const offenders: string[] = [];
	try {
		for (const path of pages) {
			await page.goto(siteUrl(path));
			const found = await page.evaluate(() => {
				const out: string[] = [];
				for (const block of document.querySelectorAll('main p, main li')) {
					if (!block.querySelector('.note-ref') || block.closest('.source-notes')) continue;
					const clone = block.cloneNode(true) as HTMLElement;
					clone.querySelectorAll('ul, ol').forEach((l) => l.remove());
					clone.querySelectorAll('.note-ref').forEach((m) => m.replaceWith('\u2020'));
					// A marker belongs to the sentence it ends: split after "." "?" "!" and any marks.
					const sentences = (clone.textContent ?? '').split(/(?<=[.?!][\u2020”’)]*)\s+(?=[A-Z“‘(])/);
					for (const s of sentences) if ((s.match(/\u2020/g) ?? []).length > 1) out.push(s.trim().slice(0, 120));
				}
				return out;
			});
			offenders.push(...found.map((s) => `/${path}: ${s}`));
		}
	} finally {
		await close();
	}
	expect(offenders).toEqual([]);
});

test("the home page's first screen has no citation in brackets and no note marker", async () => {
	for (const viewport of [
		{ width: 390, height: 844 },
		{ width: 1280, height: 900 },
	]) {
		const { page, close } = await openPage(browser, siteUrl(''), { viewport });
		try {
			const visibleMarkers = await page.locator('main .note-ref').evaluateAll((els, h) => els.filter((e) => e.getBoundingClientRect().top < h).length, viewport.height);
			expect(visibleMarkers).toBe(0);
			const firstScreenText = await page.evaluate((h) => {
				const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
				let text = '';
				while (walker.nextNode()) {
					const range = document.createRange();
					range.selectNodeContents(walker.currentNode);
					if (range.getBoundingClientRect().top < h) text += walker.currentNode.textContent;
				}
				return text;
			}, viewport.height);
			expect(firstScreenText.length).toBeGreaterThan(100);
			expect(firstScreenText).not.toMatch(/\((?:NAVCA|Final research report|Survey findings|Case study|Evidence review|What works|Secondary data)[^)]*\)/);
		} finally {
			await close();
		}
	}
});

describe('a source note opened by keyboard', () => {
	test('shows the source, the heading and the passage, links to the passage, and closes with Escape', async () => {
		const { page, close, problems } = await openPage(browser, siteUrl('findings/7-three-outcome-pathways/'), { reducedMotion: 'reduce' });
		try {
			// The first marker whose note quotes the briefing's words.
			const number = await page.locator('.source-note-list li:has(q.note-passage)').first().evaluate((li) => li.id.replace('source-note-', ''));
			const marker = page.locator(`main button.note-ref-button[data-note="${number}"]`).first();
			expect(await marker.count()).toBe(1);
			// Keyboard focus opens it (no pointer has been used on this page, so focus is focus-visible).
			await marker.focus();
			const preview = page.locator('#preview-popover');
			await expect.poll(() => preview.evaluate((p) => p.matches(':popover-open')), { timeout: 5000 }).toBe(true);
			expect(await page.evaluate(() => document.activeElement?.classList.contains('note-ref-button'))).toBe(true);
			expect(await marker.getAttribute('aria-expanded')).toBe('true');
			const text = (await preview.textContent())!;
			expect(text).toMatch(/^Source \d+/);
			expect(text).toContain('DCMS research shows critical role of local infrastructure');
			const passage = (await preview.locator('q.note-passage').textContent())!;
			expect(passage.length).toBeGreaterThan(10);
			// The passage link is a text fragment made of the briefing's own words.
			const href = (await preview.locator('a.note-passage-link').getAttribute('href'))!;
			expect(href).toMatch(/^https:\/\/www\.navca\.org\.uk\/news\/dcms-research-shows-critical-role-of-local-infrastructure#:~:text=/);
			const start = decodeURIComponent(href.split(':~:text=')[1]!.split(',')[0]!);
			expect(passage).toContain(start);
			// Tab moves into the preview, to its links.
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.closest('#preview-popover') !== null)).toBe(true);
			// Escape closes it and puts focus back on the marker.
			await page.keyboard.press('Escape');
			await expect.poll(() => preview.evaluate((p) => p.matches(':popover-open')), { timeout: 5000 }).toBe(false);
			expect(await page.evaluate(() => document.activeElement?.classList.contains('note-ref-button'))).toBe(true);
			expect(await marker.getAttribute('aria-expanded')).toBe('false');
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('without JavaScript a marker is a plain link to its note in the Sources list', async () => {
		const { page, close } = await openPage(browser, siteUrl('findings/6-a-bridge-between-sectors/'), { javaScriptEnabled: false });
		try {
			const marker = page.locator('main a.note-ref-link').first();
			const href = (await marker.getAttribute('href'))!;
			expect(href).toMatch(/^#source-note-\d+$/);
			await marker.click();
			expect(new URL(page.url()).hash).toBe(href);
			expect(await page.locator(`${href}`).isVisible()).toBe(true);
			expect(await page.locator(`${href} .note-source`).textContent()).toBe('DCMS research shows critical role of local infrastructure');
		} finally {
			await close();
		}
	});

	test('a glossary term opens its definition on hover, with a link to the glossary entry', async () => {
		const { page, close } = await openPage(browser, siteUrl('findings/6-a-bridge-between-sectors/'));
		try {
			const term = page.locator('main button.term-button').first();
			expect(await term.count()).toBe(1);
			await term.hover();
			const preview = page.locator('#preview-popover');
			await expect.poll(() => preview.evaluate((p) => p.matches(':popover-open')), { timeout: 5000 }).toBe(true);
			expect(await preview.locator('.preview-title').textContent()).toBe(await term.textContent());
			expect(await preview.locator('a.preview-more').getAttribute('href')).toMatch(/\/definitions\/glossary\/#[a-z0-9-]+$/);
			// Hoverable: the pointer can move onto the preview without it closing.
			await preview.hover();
			await page.waitForTimeout(500);
			expect(await preview.evaluate((p) => p.matches(':popover-open'))).toBe(true);
		} finally {
			await close();
		}
	});
});
