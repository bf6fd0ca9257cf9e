/**
 * "Copy link to this text" in Chromium: select a sentence in a finding or report, the control
 * appears below the selection without taking focus, copies a #:~:text= link built to the WICG
 * spec with the section as fallback anchor, and that link opens the page at the sentence.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseTextDirective } from '../../src/lib/textFragment.ts';
import { allProblems, launchBrowser, openPage, siteUrl, subSiteUrl, visibility } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const FINDING = 'findings/5-local-knowledge/';
const VIEWPORT = { width: 1280, height: 500 };
const clipboard = { permissions: ['clipboard-read', 'clipboard-write'], viewport: VIEWPORT };
const control = (page: Page) => page.getByRole('button', { name: 'Copy link to this text' });

/**
 * Mark (data-test-target) the first body paragraph that sits more than a window's height
 * below its section heading, so landing on the text and landing on the section differ.
 * Returns the heading's id and the paragraph's text.
 */
async function markFarParagraph(page: Page): Promise<{ section: string; text: string }> {
	return page.evaluate((height) => {
		const article = document.querySelector('main article')!;
		let heading: HTMLElement | undefined;
		for (const el of article.querySelectorAll<HTMLElement>('.prose h2[id], .prose h3[id], .prose > p')) {
			if (el.matches('h2, h3')) heading = el;
			else if (heading && el.getBoundingClientRect().top - heading.getBoundingClientRect().top > height && (el.textContent ?? '').split(' ').length > 15) {
				el.dataset.testTarget = '';
				// The words as quoted: without the source markers and the paragraph's link icon.
				const words = el.cloneNode(true) as HTMLElement;
				for (const extra of words.querySelectorAll('.note-ref, .para-link')) extra.remove();
				return { section: heading.id, text: (words.textContent ?? '').replace(/\s+/g, ' ').trim() };
			}
		}
		throw new Error('no paragraph far enough below its heading');
	}, VIEWPORT.height);
}

async function selectionText(page: Page): Promise<string> {
	return page.evaluate(() => getSelection()?.toString() ?? '');
}

describe('on a finding page', () => {
	test('selecting a paragraph offers the control below it, without taking focus or changing the selection', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl(FINDING), clipboard);
		try {
			await markFarParagraph(page);
			const paragraph = page.locator('[data-test-target]');
			expect(await visibility(page.locator('button[data-text-fragment-link]'))).toEqual({ found: 1, shown: 0 });
			// Its code is not part of the page's load: it comes with the first selection.
			const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/text-fragment\.[^/]*\.js$/.test(e.name)).length);
			expect(await loaded()).toBe(0);
			await paragraph.click({ clickCount: 3 });
			await control(page).waitFor({ state: 'visible' });
			expect(await loaded()).toBe(1);
			const selected = await selectionText(page);
			expect(selected.trim()).toBe((await paragraph.innerText()).trim());
			expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BUTTON');
			// Below the selection's last line: it covers none of the selected text.
			const overlap = await page.evaluate(() => {
				const button = document.querySelector('[data-text-fragment-link]')!.getBoundingClientRect();
				const rects = [...getSelection()!.getRangeAt(0).getClientRects()].filter((r) => r.width > 0);
				return { buttonTop: button.top, lastBottom: Math.max(...rects.map((r) => r.bottom)), covers: rects.some((r) => r.top < button.bottom && r.bottom > button.top && r.left < button.right && r.right > button.left) };
			});
			expect(overlap.covers).toBe(false);
			expect(overlap.buttonTop).toBeGreaterThanOrEqual(overlap.lastBottom);
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('is reached with Tab, copies a text-fragment link with the section as fallback, which opens the page at that text', async () => {
		const { page, close } = await openPage(browser, siteUrl(FINDING), clipboard);
		try {
			const { section, text } = await markFarParagraph(page);
			await page.locator('[data-test-target]').click({ clickCount: 3 });
			await control(page).waitFor({ state: 'visible' });
			// The next Tab goes to the control; the one after moves on, so it never traps focus.
			await page.keyboard.press('Tab');
			expect(await control(page).evaluate((b) => b === document.activeElement)).toBe(true);
			await page.keyboard.press('Tab');
			expect(await control(page).evaluate((b) => b === document.activeElement)).toBe(false);
			await page.keyboard.press('Shift+Tab');
			expect(await control(page).evaluate((b) => b === document.activeElement)).toBe(true);
			expect((await selectionText(page)).trim()).toBe((await page.locator('[data-test-target]').innerText()).trim());
			await page.keyboard.press('Enter');
			await page.waitForFunction(() => document.getElementById('live-announcer')?.textContent === 'Link to this text copied');
			expect(await page.locator('[data-text-fragment-link]').textContent()).toContain('Link copied');
			const link = await page.evaluate(() => navigator.clipboard.readText());

			// The link: the finding's short address, the section's id as fallback anchor, then the directive.
			const [before, directive] = link.split(':~:');
			expect(before).toBe(siteUrl(`findings/5/#${section}`));
			// Encoded per the spec: no raw spaces, and ',' and '-' appear only as the syntax's own.
			expect(directive).toMatch(/^text=(?:[^,\s-]+-,)?[^,\s-]+(?:,[^,\s-]+)?(?:,-[^,\s-]+)?$/);
			const words = text.replace(/\s+/g, ' ').trim().split(' ');
			const { textStart, textEnd } = parseTextDirective(directive!);
			expect(words.join(' ').startsWith(textStart)).toBe(true);
			// The end may leave off the closing full stop: a directive matches whole words.
			expect(textEnd && words.join(' ').replace(/[.,;:!?]+$/, '').endsWith(textEnd), `${textEnd} / ${words.slice(-6).join(' ')}`).toBeTruthy();

			// Following the link scrolls to the paragraph (not just to its section's heading).
			const reader = await browser.newPage({ viewport: VIEWPORT });
			try {
				await reader.goto(link);
				expect(await reader.evaluate(() => 'fragmentDirective' in document)).toBe(true);
				await reader.waitForFunction(
					([start, id]) => {
						const p = [...document.querySelectorAll('main p')].find((el) => el.textContent?.replace(/\s+/g, ' ').includes(start));
						const heading = document.getElementById(id);
						if (!p || !heading) return false;
						const r = p.getBoundingClientRect();
						return r.top < innerHeight && r.bottom > 0 && heading.getBoundingClientRect().bottom < 0;
					},
					[textStart, section] as const,
				);
				// The browser took the directive as a directive: the page's own hash is just the section.
				expect(await reader.evaluate(() => location.hash)).toBe(`#${section}`);
			} finally {
				await reader.close();
			}
		} finally {
			await close();
		}
	});

	test('a selection made with the keyboard shows it too; Escape dismisses it, and it goes when the selection collapses', async () => {
		const { page, close } = await openPage(browser, siteUrl(FINDING), clipboard);
		try {
			await markFarParagraph(page);
			// Select the paragraph's first sentence, as Shift+arrow keys would, then release Shift.
			await page.evaluate(() => {
				const walker = document.createTreeWalker(document.querySelector('[data-test-target]')!, NodeFilter.SHOW_TEXT);
				const text = walker.nextNode() as Text;
				const end = text.data.indexOf('. ') + 1;
				getSelection()!.setBaseAndExtent(text, 0, text, end > 0 ? end : text.length);
			});
			await page.keyboard.down('Shift');
			await page.keyboard.up('Shift');
			await control(page).waitFor({ state: 'visible' });
			await page.keyboard.press('Escape');
			await control(page).waitFor({ state: 'hidden' });
			expect((await selectionText(page)).length).toBeGreaterThan(0); // Escape dismisses the control, not the selection

			await page.locator('[data-test-target]').click({ clickCount: 3 });
			await control(page).waitFor({ state: 'visible' });
			await page.evaluate(() => getSelection()!.removeAllRanges());
			await control(page).waitFor({ state: 'hidden' });
		} finally {
			await close();
		}
	});

	test('a single click, or a selection outside the article body, offers nothing', async () => {
		const { page, close } = await openPage(browser, siteUrl(FINDING), clipboard);
		try {
			await page.locator('main article .prose p').nth(2).click();
			await page.locator('#citation-page').click({ clickCount: 3 });
			await page.locator('footer p').first().click({ clickCount: 3 });
			await page.waitForTimeout(100);
			expect(await selectionText(page)).not.toBe('');
			expect(await visibility(page.locator('button[data-text-fragment-link]'))).toEqual({ found: 1, shown: 0 });
		} finally {
			await close();
		}
	});
});

test('a report page under the sub-path gives a sub-path link', async () => {
	const { page, close } = await openPage(browser, subSiteUrl('reports/final-research-report/'), clipboard);
	try {
		await page.locator('main article .prose p').nth(1).click({ clickCount: 3 });
		await control(page).click();
		await page.waitForFunction(() => document.getElementById('live-announcer')?.textContent === 'Link to this text copied');
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(link.startsWith(subSiteUrl('reports/final-research-report/#'))).toBe(true);
		expect(link).toContain(':~:text=');
	} finally {
		await close();
	}
});

test('pages other than findings and reports do not offer it', async () => {
	for (const path of ['functions/convening/', 'definitions/', '']) {
		const { page, close } = await openPage(browser, siteUrl(path));
		try {
			expect(await page.locator('[data-text-fragment-link]').count(), path).toBe(0);
		} finally {
			await close();
		}
	}
});
