/**
 * /evidence-map/ in Chromium: with JavaScript off every finding and every cell is there with a
 * word in it (and a shape), each cell saying what the provenance fields say and linking to the
 * passage behind it; the filters narrow the rows, keep their choice in the address and come
 * back from it; the tables scroll in their own focusable, labelled regions, so the page is
 * readable at 320px; axe finds nothing in light or dark. Expected values are read from the
 * findings' front matter and content/theory-of-change.yaml here, not from the site's code.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readMdx, readYaml } from '../support/content-files.ts';
import { COLOUR_RULES, axeViolations } from './support/axe.ts';
import { allProblems, launchBrowser, openPage, siteUrl, visibility } from './support/browser.ts';

const findings = readMdx('findings')
	.map((f) => f.data)
	.sort((a, b) => a.number - b.number);
const SOURCES = ['navca', 'final-research-report', 'case-study-synthesis', 'what-works', 'evidence-review', 'secondary-data-analysis', 'survey-findings'];
const WORDS = { states: 'States it', bears: 'Bears on it', none: 'Not linked' } as const;
const expectedSupport = (f: Record<string, any>, source: string) =>
	(f.sources as string[]).includes(source) ? 'states' : ((f.relatedReports ?? []) as { id: string }[]).some((r) => r.id === source) ? 'bears' : 'none';
const toc = readYaml<{ nodes: { id: string; stage: string; function?: string }[]; edges: { from: string; to: string; basis: string }[] }>('theory-of-change.yaml');

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const WIDE = { viewport: { width: 1280, height: 900 } };
const shownRows = (page: Page) => page.locator('tr[data-map-row]').evaluateAll((rows) => rows.filter((r) => r.getClientRects().length > 0).map((r) => Number(r.getAttribute('data-number'))));

describe('with JavaScript off', () => {
	test('every finding is a row with its evidence level at the head, every source a column, every cell a word and a shape', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('evidence-map/'), { ...WIDE, javaScriptEnabled: false });
		try {
			expect(allProblems(problems)).toEqual([]);
			const table = page.locator('table.evidence-map');
			expect(await table.locator('caption').textContent()).toMatch(/findings against the sources/);
			expect(await table.locator('thead th[data-source]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-source')))).toEqual(SOURCES);
			expect(await shownRows(page)).toEqual(findings.map((f) => f.number));
			for (const f of findings) {
				const row = table.locator(`tr[data-number="${f.number}"]`);
				const head = row.locator('th[scope="row"]');
				expect(await head.textContent()).toContain(f.title);
				expect(await head.locator('.evidence-badge').innerText()).toMatch(new RegExp(`Evidence: ${f.evidence.strength}`, 'i'));
				for (const source of SOURCES) {
					const cell = row.locator(`td[data-source="${source}"]`);
					const support = expectedSupport(f, source);
					expect(await cell.getAttribute('data-support'), `finding ${f.number}, ${source}`).toBe(support);
					// Visible words, and a shape beside them: never colour alone.
					const visible = await cell.evaluate((el) => {
						const copy = el.cloneNode(true) as Element;
						for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
						return copy.textContent!.replace(/\s+/g, ' ').trim();
					});
					expect(visible).toBe(WORDS[support]);
					expect(await cell.locator(`svg.map-mark--${support} path`).count()).toBe(1);
				}
			}
			// The filters need JavaScript: the form stays hidden and a note says so.
			expect(await visibility(page.locator('[data-map-filter]'))).toEqual({ found: 1, shown: 0 });
			expect(await page.locator('noscript').first().textContent()).toContain('needs JavaScript');
			// The second view: five functions against three pathways, every cell in words.
			const fp = page.locator('table.map-fp');
			expect(await fp.locator('tbody tr').count()).toBe(5);
			expect(await fp.locator('thead th').count()).toBe(4);
			for (const text of await fp.locator('tbody td').allInnerTexts()) expect(text).toMatch(/^(No route|\d+ routes?: )/);
		} finally {
			await close();
		}
	});

	test('each cell links to the passage behind it', async () => {
		const { page, close } = await openPage(browser, siteUrl('evidence-map/'), { ...WIDE, javaScriptEnabled: false });
		try {
			for (const f of findings) {
				const row = page.locator(`tr[data-number="${f.number}"]`);
				// NAVCA's briefing: its headline, as a link to that sentence.
				const navca = (await row.locator('td[data-source="navca"] a').getAttribute('href'))!;
				expect(navca).toMatch(/^https:\/\/www\.navca\.org\.uk\/news\/dcms-research-shows-critical-role-of-local-infrastructure#:~:text=/);
				const start = decodeURIComponent(navca.split('#:~:text=')[1]!.split(',')[0]!);
				expect(f.headline.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').startsWith(start), `finding ${f.number}: ${start}`).toBe(true);
				for (const source of SOURCES.slice(1)) {
					const support = expectedSupport(f, source);
					const link = row.locator(`td[data-source="${source}"] a`);
					if (support === 'none') {
						expect(await link.count()).toBe(0);
						continue;
					}
					const href = (await link.getAttribute('href'))!;
					expect(href.startsWith(`/reports/${source}/`), href).toBe(true);
					const section = support === 'states' ? 'where-it-feeds-the-headline-findings' : (f.relatedReports as { id: string; section?: string }[]).find((r) => r.id === source)?.section;
					if (section) expect(href).toBe(`/reports/${source}/#${section}`);
					// Out of context, the link still says what it is about.
					expect(await link.textContent()).toMatch(new RegExp(`${WORDS[support]}.*finding ${f.number}\\b`, 's'));
				}
			}
		} finally {
			await close();
		}
	});

	test('at 320px the page does not scroll sideways; the tables scroll in their own labelled, focusable regions', async () => {
		const { page, close } = await openPage(browser, siteUrl('evidence-map/'), { viewport: { width: 320, height: 800 }, javaScriptEnabled: false });
		try {
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
			const regions = page.getByRole('group').filter({ has: page.locator('table') });
			expect(await regions.count()).toBe(2);
			for (const region of await regions.all()) {
				expect(await region.getAttribute('tabindex')).toBe('0');
				const label = await region.getAttribute('aria-labelledby');
				expect(await page.locator(`#${label}`).evaluate((el) => el.tagName)).toBe('CAPTION');
				expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
				// The keyboard can scroll it.
				await region.focus();
				await page.keyboard.press('ArrowRight');
				// (Polled from here: waitForFunction needs the page's own JavaScript, which is off.)
				await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
			}
		} finally {
			await close();
		}
	});
});

describe('filters', () => {
	const activityOf = new Map(toc.nodes.filter((n) => n.function).map((n) => [n.function!, n.id]));
	const matching = (fn = '', pathway = '', level = '') =>
		findings
			.filter((f) => (!fn || (f.functions as string[]).includes(fn)) && (!pathway || (f.pathways as string[]).includes(pathway)) && (!level || f.evidence.strength === level))
			.map((f) => f.number);

	test('narrow the rows, announce the count and round-trip through the address', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('evidence-map/'), WIDE);
		try {
			const form = page.locator('[data-map-filter]');
			await form.waitFor({ state: 'visible' });
			expect(await shownRows(page)).toEqual(matching());

			await form.getByLabel('Function').selectOption('advocacy');
			const advocacy = matching('advocacy');
			expect(advocacy.length).toBeGreaterThan(0);
			expect(advocacy.length).toBeLessThan(12);
			expect(await shownRows(page)).toEqual(advocacy);
			expect(await page.locator('[data-filter-count]').textContent()).toBe(`Showing ${advocacy.length} of 12 findings`);
			expect(new URL(page.url()).searchParams.get('function')).toBe('advocacy');

			await form.getByLabel('Evidence level').selectOption('moderate');
			const both = matching('advocacy', '', 'moderate');
			expect(await shownRows(page)).toEqual(both);
			const url = new URL(page.url());
			expect([url.searchParams.get('function'), url.searchParams.get('level')]).toEqual(['advocacy', 'moderate']);
			// The totals follow the rows shown.
			expect(await page.locator('[data-total="navca"] [data-total-states]').textContent()).toBe(String(both.length));

			// Reload from the address: the same rows, the same choices.
			await page.goto(page.url());
			await expect.poll(() => form.getByLabel('Function').inputValue()).toBe('advocacy');
			expect(await shownRows(page)).toEqual(both);
			expect(await form.getByLabel('Function').inputValue()).toBe('advocacy');
			expect(await form.getByLabel('Evidence level').inputValue()).toBe('moderate');

			// Clearing them shows every row and empties the address.
			await form.getByLabel('Function').selectOption('');
			await form.getByLabel('Evidence level').selectOption('');
			expect(await shownRows(page)).toEqual(matching());
			expect(new URL(page.url()).search).toBe('');
			expect(allProblems(problems)).toEqual([]);
			expect(activityOf.size).toBe(5);
		} finally {
			await close();
		}
	});

	test('a pathway in the address filters on arrival; an unknown value is ignored', async () => {
		const pathway = 'pathway-improved-policy-making';
		const { page, close } = await openPage(browser, siteUrl(`evidence-map/?pathway=${pathway}&function=nonsense`), WIDE);
		try {
			await page.locator('[data-map-filter]').waitFor({ state: 'visible' });
			expect(await shownRows(page)).toEqual(matching('', pathway));
			expect(new URL(page.url()).searchParams.get('function')).toBeNull();
		} finally {
			await close();
		}
	});
});

describe('axe', () => {
	// One visit per page and width: every rule in the light scheme, then the colour rules in the
	// dark one (colours are all a change of scheme can break).
	for (const width of [1280, 320]) {
		test.each(['evidence-map/', 'evidence-map/?function=convening&level=moderate'])(`/%s: no violations at ${width}px in the light scheme, nor of the colour rules in the dark`, async (path) => {
			const { page, close } = await openPage(browser, siteUrl(path), { viewport: { width, height: 900 } });
			try {
				await page.locator('[data-map-filter]').waitFor({ state: 'visible' });
				expect(await axeViolations(page, `/${path} (light, ${width}px)`)).toEqual([]);
				await page.emulateMedia({ colorScheme: 'dark' });
				expect(await axeViolations(page, `/${path} (dark, ${width}px)`, COLOUR_RULES)).toEqual([]);
			} finally {
				await close();
			}
		});
	}
});
