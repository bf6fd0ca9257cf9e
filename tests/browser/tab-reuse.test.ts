/**
 * openPage() hands a closed tab to the next test with the same options (support/browser.ts).
 * These guard what that must not change: a reused tab starts as a new one would, and a tab a
 * test changed in a lasting way is not reused at all.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A variable in the document, which must not survive into the next test's visit. */
const markTab = () => {
	(window as unknown as { tabMark: string }).tabMark = 'kept';
};

test('a closed tab is reused, with no storage, cookies or hover left from the test before', async () => {
	const first = await openPage(browser, siteUrl('about/'), { viewport: { width: 600, height: 700 } });
	await first.page.evaluate(markTab);
	await first.page.evaluate(() => {
		localStorage.setItem('left-behind', '1');
		sessionStorage.setItem('left-behind', '1');
		document.cookie = 'left-behind=1; path=/';
	});
	await first.page.mouse.move(300, 300);
	const firstPage = first.page;
	await first.close();

	const second = await openPage(browser, siteUrl('definitions/glossary/'), { viewport: { width: 600, height: 700 } });
	try {
		expect(second.page, 'the same tab').toBe(firstPage);
		const state = await second.page.evaluate(() => ({
			local: localStorage.getItem('left-behind'),
			session: sessionStorage.getItem('left-behind'),
			cookie: document.cookie,
			// Where the last test left the pointer: nothing there is hovered now.
			hovered: document.elementFromPoint(300, 300)?.matches(':hover') ?? false,
			mark: (window as unknown as { tabMark?: string }).tabMark,
		}));
		expect(state).toEqual({ local: null, session: null, cookie: '', hovered: false, mark: undefined });
		expect(second.problems.consoleErrors).toEqual([]);
	} finally {
		await second.close();
	}
});

test('a tab whose test added an init script, a route, emulation or a listener is closed, not reused', async () => {
	for (const change of ['init script', 'route', 'emulation', 'listener', 'listener before the visit'] as const) {
		const options = { viewport: { width: 610, height: 700 } };
		const beforeGoto = change === 'listener before the visit' ? (page: Page) => void page.on('request', () => undefined) : undefined;
		const first = await openPage(browser, siteUrl('about/'), { ...options, beforeGoto });
		if (change === 'init script') await first.page.addInitScript(() => undefined);
		if (change === 'route') await first.page.route('**/nothing', (r) => r.abort());
		if (change === 'emulation') await first.page.emulateMedia({ colorScheme: 'dark' });
		if (change === 'listener') first.page.on('console', () => undefined);
		const firstPage = first.page;
		await first.close();
		expect(firstPage.isClosed(), `after ${change}`).toBe(true);
		const second = await openPage(browser, siteUrl('about/'), options);
		expect(second.page, `after ${change}`).not.toBe(firstPage);
		await second.close();
	}
});

test('tabs with different options are not shared', async () => {
	const wide = await openPage(browser, siteUrl('about/'), { viewport: { width: 1200, height: 700 } });
	const widePage = wide.page;
	await wide.close();
	const noScript = await openPage(browser, siteUrl('about/'), { viewport: { width: 1200, height: 700 }, javaScriptEnabled: false });
	try {
		expect(noScript.page).not.toBe(widePage);
	} finally {
		await noScript.close();
	}
});
