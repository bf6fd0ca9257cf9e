/**
 * The filters on /findings/ in Chromium: choosing a function, pathway or theme hides exactly
 * the findings that do not have it (worked out here from the findings' front matter, not from
 * the page's own data attributes), the count says how many are shown in a live region, and
 * the choice is in the URL both ways: a shared /findings/?function=… opens filtered.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readMdx } from '../support/content-files.ts';
import { allProblems, launchBrowser, openPage, siteUrl, visibility } from './support/browser.ts';

const findings = readMdx('findings');
/** What each filter matches in a finding's front matter. */
const TAGS: Record<string, (data: Record<string, any>) => string[]> = {
	function: (d) => d.functions ?? [],
	pathway: (d) => d.pathways ?? [],
	theme: (d) => d.themes ?? [],
};
/** The filters the form offers, in order: each is tested below, so none can be skipped. */
const FORM_FILTERS = Object.keys(TAGS);
const ALL = findings.map((f) => f.data.number as number).sort((a, b) => a - b);

function expected(filters: Record<string, string>): number[] {
	return findings
		.filter((f) => Object.entries(filters).every(([name, value]) => !value || TAGS[name]!(f.data).includes(value)))
		.map((f) => f.data.number as number)
		.sort((a, b) => a - b);
}

const countText = (shown: number) => (shown === ALL.length ? `Showing all ${shown} findings` : `Showing ${shown} of ${ALL.length} findings`);
const shownNumbers = (page: Page) => page.locator('[data-findings-list] > li:visible').evaluateAll((els) => els.map((el) => Number(el.getAttribute('value'))).sort((a, b) => a - b));
const count = (page: Page) => page.locator('[data-filter-count]').textContent();
const selectOptions = (page: Page, name: string) => page.locator(`[data-findings-filter] select[name="${name}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

test('the form offers one select per filter, each option a value some finding has', async () => {
	const { page, problems, close } = await openPage(browser, siteUrl('findings/'));
	try {
		const names = await page.locator('[data-findings-filter] select').evaluateAll((els) => els.map((el) => (el as HTMLSelectElement).name));
		expect(names).toEqual(FORM_FILTERS);
		for (const name of names) {
			const values = await selectOptions(page, name);
			expect(values.length, name).toBeGreaterThan(1);
			for (const value of values) expect(expected({ [name]: value }).length, `${name}=${value} matches no finding`).toBeGreaterThan(0);
		}
		expect(await shownNumbers(page)).toEqual(ALL);
		expect(await count(page)).toBe(countText(ALL.length));
		expect(await page.locator('[data-filter-count]').getAttribute('aria-live')).toBe('polite');
		expect(allProblems(problems)).toEqual([]);
	} finally {
		await close();
	}
});

describe.each(FORM_FILTERS)('choosing a %s', (name) => {
	test('shows exactly the findings with it, says how many, and puts it in the URL', async () => {
		const { page, close } = await openPage(browser, siteUrl('findings/'));
		try {
			const select = page.locator(`[data-findings-filter] select[name="${name}"]`);
			expect(await select.count()).toBe(1);
			const values = await selectOptions(page, name);
			let narrowed = 0;
			for (const value of values) {
				await select.selectOption(value);
				const want = expected({ [name]: value });
				expect(await shownNumbers(page), `${name}=${value}`).toEqual(want);
				expect(await count(page), `${name}=${value}`).toBe(countText(want.length));
				expect(new URL(page.url()).searchParams.get(name), `${name}=${value}`).toBe(value);
				if (want.length < ALL.length) narrowed++;
			}
			// At least one choice must hide something, or "shows everything" would pass the loop above.
			expect(narrowed).toBeGreaterThan(0);
			await select.selectOption('');
			expect(await shownNumbers(page)).toEqual(ALL);
			expect(await count(page)).toBe(countText(ALL.length));
			expect(new URL(page.url()).searchParams.has(name)).toBe(false);
		} finally {
			await close();
		}
	});
});

test('filters combine, and the URL they leave opens the page filtered the same way', async () => {
	// A function and a pathway that some but not all of the function's findings share.
	const combos = findings.flatMap((f) => ((f.data.functions ?? []) as string[]).flatMap((fn) => ((f.data.pathways ?? []) as string[]).map((p) => ({ function: fn, pathway: p }))));
	const combo = combos.find((c) => expected(c).length < expected({ function: c.function }).length);
	expect(combo, 'no function and pathway pair that narrows further than the function alone').toBeDefined();
	const want = expected(combo!);
	const { page, close } = await openPage(browser, siteUrl('findings/'));
	try {
		await page.selectOption('[data-findings-filter] select[name="function"]', combo!.function);
		await page.selectOption('[data-findings-filter] select[name="pathway"]', combo!.pathway);
		expect(await shownNumbers(page)).toEqual(want);
		expect(await count(page)).toBe(countText(want.length));
		const shared = page.url();
		expect(new URL(shared).search).toBe(`?function=${combo!.function}&pathway=${combo!.pathway}`);

		await page.goto(shared);
		expect(await page.inputValue('[data-findings-filter] select[name="function"]')).toBe(combo!.function);
		expect(await page.inputValue('[data-findings-filter] select[name="pathway"]')).toBe(combo!.pathway);
		expect(await shownNumbers(page)).toEqual(want);
		expect(await count(page)).toBe(countText(want.length));
	} finally {
		await close();
	}
});

test('a shared link with a value the page does not offer shows every finding', async () => {
	const { page, close } = await openPage(browser, siteUrl('findings/?function=no-such-function'));
	try {
		expect(await page.inputValue('[data-findings-filter] select[name="function"]')).toBe('');
		expect(await shownNumbers(page)).toEqual(ALL);
		expect(new URL(page.url()).searchParams.has('function')).toBe(false);
	} finally {
		await close();
	}
});

test('without JavaScript the filters are not offered and every finding is listed', async () => {
	const { page, close } = await openPage(browser, siteUrl('findings/?function=convening'), { javaScriptEnabled: false });
	try {
		expect(await visibility(page.locator('[data-findings-filter]'))).toEqual({ found: 1, shown: 0 });
		expect(await shownNumbers(page)).toEqual(ALL);
	} finally {
		await close();
	}
});
