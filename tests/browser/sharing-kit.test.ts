/**
 * The sharing kit (issue 12): every copy-link control on a finding gives its short address,
 * /findings/N/ (plus the part of the page); paragraphs have stable ids with a link control;
 * a hint says sentences can be linked; "Copy quote" copies the quote, the short link to it and
 * the source in one go. The clipboard is read back, as a reader would paste it.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { paragraphId } from '../../src/integrations/rehype-paragraph-ids.ts';
import { parseTextDirective } from '../../src/lib/textFragment.ts';
import { allProblems, launchBrowser, openPage, siteUrl } from './support/browser.ts';
import { builtPages } from './support/pages.ts';
import { DIST, SUB_DIST } from './support/paths.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const FINDING = 'findings/5-local-knowledge/';
const clipboard = { permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 800 } };
const pasted = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const announced = (page: Page, text: string) => page.waitForFunction((t) => document.getElementById('live-announcer')?.textContent === t, text);

describe('the link icon beside a finding in a list copies its short address', () => {
	for (const path of ['', 'findings/']) {
		test(`on /${path}`, async () => {
			const { page, problems, close } = await openPage(browser, siteUrl(path), clipboard);
			try {
				const control = page.getByRole('link', { name: 'Copy short link to finding 6' });
				expect(await control.getAttribute('href')).toBe('/findings/6/');
				await control.click();
				await announced(page, 'Link copied');
				expect(await pasted(page)).toBe(siteUrl('findings/6/'));
				// Copying does not move the reader anywhere.
				expect(page.url()).toBe(siteUrl(path));
				expect(allProblems(problems)).toEqual([]);
			} finally {
				await close();
			}
		});
	}
});

describe('on a finding page', () => {
	test('a heading’s link control copies the short address plus the section', async () => {
		const { page, close } = await openPage(browser, siteUrl(FINDING), clipboard);
		try {
			await page.locator('a.anchor-link[href="#what-it-means"]').click();
			await announced(page, 'Link copied');
			expect(await pasted(page)).toBe(siteUrl('findings/5/#what-it-means'));
		} finally {
			await close();
		}
	});

	test('each paragraph has an id from its words and a control that copies the short link to it, which opens at the paragraph', async () => {
		const { page, close } = await openPage(browser, siteUrl(FINDING), clipboard);
		let link: string;
		let id: string;
		try {
			const paragraphs = await page.locator('main .prose p[id^="p-"]').evaluateAll((ps) =>
				ps.map((p) => {
					const copy = p.cloneNode(true) as HTMLElement;
					for (const el of copy.querySelectorAll('.note-ref, .para-link')) el.remove();
					return { id: p.id, words: copy.textContent ?? '', control: p.querySelector(':scope > a.para-link')?.getAttribute('href') };
				}),
			);
			expect(paragraphs.length).toBeGreaterThan(8);
			for (const p of paragraphs) {
				expect(p.id.replace(/-\d+$/, '')).toBe(paragraphId(p.words));
				expect(p.control).toBe(`#${p.id}`);
			}
			// Choose one well down the page, so landing on it is not landing at the top.
			id = paragraphs[6]!.id;
			const control = page.locator(`#${id} > a.para-link`);
			expect(await control.getAttribute('aria-label')).toMatch(/^Copy link to the paragraph “.+”$/);
			await control.click();
			await announced(page, 'Link copied');
			link = await pasted(page);
			expect(link).toBe(siteUrl(`findings/5/#${id}`));
		} finally {
			await close();
		}
		const reader = await browser.newPage({ viewport: clipboard.viewport });
		try {
			await reader.goto(link);
			await reader.waitForURL(siteUrl(`${FINDING}#${id}`));
			await reader.waitForFunction((pid) => {
				const r = document.getElementById(pid)!.getBoundingClientRect();
				return r.top >= 0 && r.top < innerHeight / 2;
			}, id);
		} finally {
			await reader.close();
		}
	});

	test('“Copy quote” on a selected sentence copies the quote, the short link to it and the source', async () => {
		const { page, close } = await openPage(browser, siteUrl(FINDING), clipboard);
		try {
			// A paragraph with a source marker in it, selected as a reader would with Shift and the
			// arrow keys: from its first word to its last, over the marker, not the link icon.
			const paragraph = page.locator('main .prose p[id^="p-"]:has(.note-ref)').nth(1);
			await paragraph.evaluate((p) => getSelection()!.setBaseAndExtent(p, 0, p, p.childNodes.length - 1));
			await page.keyboard.down('Shift');
			await page.keyboard.up('Shift');
			const quoteButton = page.getByRole('button', { name: 'Copy quote' });
			await quoteButton.waitFor({ state: 'visible' });
			await quoteButton.click();
			await announced(page, 'Quote with its link and source copied');
			const text = await pasted(page);
			const [quoteLine, sourceLine] = text.split('\n');
			// The words up to the paragraph's last source marker (a selection stops at the marker).
			const words = await paragraph.evaluate((p) => {
				const copy = p.cloneNode(true) as HTMLElement;
				const markers = copy.querySelectorAll('.note-ref');
				const last = markers[markers.length - 1]!;
				while (last.nextSibling) last.nextSibling.remove();
				for (const el of copy.querySelectorAll('.note-ref, .para-link')) el.remove();
				return copy.textContent!.replace(/\s+/g, ' ').trim();
			});
			expect(quoteLine).toBe(`“${words}”`);
			expect(quoteLine).not.toMatch(/\[\d+\]|source \d/);
			const prefix = 'LCSI Evidence Explorer, Finding 5: ';
			expect(sourceLine!.startsWith(prefix)).toBe(true);
			const link = sourceLine!.slice(prefix.length);
			const [address, directive] = link.split(':~:');
			expect(address).toMatch(new RegExp(`^${siteUrl('findings/5/').replace(/[.?]/g, '\\$&')}#[a-z0-9-]+$`));
			const { textStart } = parseTextDirective(directive!);
			expect(words.startsWith(textStart), link).toBe(true);

			// The link goes through the short address to the full page, at the quoted words.
			const id = await paragraph.getAttribute('id');
			const reader = await browser.newPage({ viewport: { width: 1280, height: 400 } });
			try {
				await reader.goto(link);
				await reader.waitForURL((url) => url.pathname === '/findings/5-local-knowledge/');
				await reader.waitForFunction((pid) => {
					const r = document.getElementById(pid!)!.getBoundingClientRect();
					return r.top < innerHeight && r.bottom > 0;
				}, id);
			} finally {
				await reader.close();
			}
		} finally {
			await close();
		}
	});

	test('“Copy link to this text” gives the short address too', async () => {
		const { page, close } = await openPage(browser, siteUrl(FINDING), clipboard);
		try {
			await page.locator('main .prose p[id^="p-"]').nth(3).click({ clickCount: 3 });
			await page.getByRole('button', { name: 'Copy link to this text' }).click();
			await announced(page, 'Link to this text copied');
			expect(await pasted(page)).toMatch(new RegExp(`^${siteUrl('findings/5/').replace(/[.?]/g, '\\$&')}#[a-z0-9-]*:~:text=`));
		} finally {
			await close();
		}
	});
});

describe('a one-line hint says how to link to part of the page', () => {
	for (const path of [FINDING, 'reports/survey-findings/']) {
		test(`on /${path}, with and without JavaScript`, async () => {
			for (const javaScriptEnabled of [true, false]) {
				const { page, close } = await openPage(browser, siteUrl(path), { javaScriptEnabled });
				try {
					const hint = page.locator('.share-hint');
					expect(await hint.isVisible()).toBe(true);
					const text = (await hint.innerText()).trim();
					expect(text).toContain('The link icon after a paragraph gives a link to that paragraph.');
					// Selecting text only offers a link when the script runs; without it the hint does not promise one.
					expect(text.includes('Select any sentence'), `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`).toBe(javaScriptEnabled);
					expect((await hint.boundingBox())!.height).toBeLessThan(60);
				} finally {
					await close();
				}
			}
		});
	}
});

test('paragraph ids are the same in two separate builds (dist/ and the sub-path build dist-sub/)', () => {
	const pages = builtPages(DIST).filter((p) => /^(findings\/\d+-|reports\/[a-z])/.test(p));
	expect(pages.length).toBe(18);
	const idsIn = (dir: string, path: string) => [...readFileSync(`${dir}/${path}index.html`, 'utf8').matchAll(/<p id="(p-[0-9a-z]+(?:-\d+)?)"/g)].map((m) => m[1]);
	for (const path of pages) {
		const ids = idsIn(DIST, path);
		expect(ids.length, path).toBeGreaterThan(3);
		expect(new Set(ids).size, `${path}: ids are unique`).toBe(ids.length);
		expect(idsIn(SUB_DIST, path), path).toEqual(ids);
	}
});
