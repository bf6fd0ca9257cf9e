/**
 * Every built page, looked at once per screen size, for everything that can be read from a
 * page as it arrives:
 * - it loads cleanly: no console error, uncaught exception, failed request or request to
 *   another host; one h1, the main landmark, a title of sensible length, and a copy-link
 *   control after every h2 and h3 (a finding's title in a list links to its short address);
 * - the weight budget from the site brief: at most 60 KB transferred (search index excluded),
 *   15 KB of it JavaScript;
 * - no layout shift once loaded (score ≤ 0.01; the target is 0) on a desktop and on a phone
 *   screen, with scripts held until the first paint as on a slow connection, so whatever a
 *   script moves moves on screen; and nothing wider than the phone;
 * - zero axe-core WCAG 2.2 A/AA violations in the light scheme, and none of the colour rules in
 *   the dark one (colours are all a second scheme can change);
 * and the same for pages in a state a script puts them in on arrival (filtered findings, a
 * search from the URL, a selected diagram step). Under the sub-path build (/lcsi/), every page
 * loads cleanly with every request and link inside the base.
 *
 * One visit serves all the checks for a page and screen (visits, not checks, are what cost
 * time), in a few tabs reused from page to page (tab-pool.ts). The guards at the end prove the
 * measurements can fail: a planted axe violation, a planted layout shift, compressed sizes.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUDGET, inlineScriptBytes, kb, recordTransfers, summarise, type PageWeight, type Transfer } from '../../scripts/lib/page-weight.ts';
import { COLOUR_RULES, axeViolations } from './support/axe.ts';
import { allProblems, launchBrowser, layoutShiftScore, layoutShifts, openPage, siteUrl, subSiteUrl, type LayoutShift, type Tab } from './support/browser.ts';
import { pageFile } from './support/head-meta.ts';
import { builtPages } from './support/pages.ts';
import { DIST, SUB_DIST } from './support/paths.ts';
import { tabPool, type TabPool } from './support/tab-pool.ts';

/** Layout shift score allowed per page; "good" CLS is 0.1, and this site's target is 0. */
const MAX_SHIFT = 0.01;
const SCREENS = {
	desktop: { width: 1280, height: 800 },
	// Lighthouse's mobile screen. Not isMobile: Chromium's mobile emulation zooms a page out to
	// fit and then reports no layout shifts at all (a late reveal Lighthouse scores 0.14 read as 0).
	phone: { width: 412, height: 823 },
};
/** Pages made to be printed, whose headings link to the findings rather than to themselves. */
const HANDOUTS = ['findings/sheet/', 'findings/pack/'];

/** Redirect pages (the short /findings/N/ addresses) replace themselves at once: nothing to read or shift. */
const isRedirect = (dir: string, path: string) => /<meta http-equiv="refresh"/i.test(readFileSync(pageFile(dir, path), 'utf8'));
/** A page in a state a script puts it in; its script-made headings (search results) are not the page's sections. */
const isState = (path: string) => path.includes('?') || path.includes('#');
const allowStatus = (path: string) => (path === '404.html' ? [404] : []);

/** A page in a state set from its URL, with what "arrived" means for it on each screen. */
interface Target {
	path: string;
	redirect: boolean;
	ready?: { desktop?: string; phone?: string };
}
const STATES: Target[] = [
	{ path: 'findings/?function=convening', redirect: false },
	{ path: 'search/?q=cold+spot', redirect: false, ready: { desktop: '[data-search-results] > li', phone: '[data-search-results] > li' } },
	// On a phone a link to a step lands on its entry in the text version; the details stay shut.
	{ path: 'pathways/#node-activity-convening', redirect: false, ready: { desktop: '[data-details-panel]:not([hidden])', phone: '[data-diagram-hint]:not([hidden])' } },
];
const pages = builtPages(DIST);
const targets: Target[] = [...pages.map((path) => ({ path, redirect: isRedirect(DIST, path) })), ...STATES];

interface DesktopLook {
	problems: string[];
	h1: number;
	main: number;
	title: string;
	/** Frames in the page besides its own (axe is run on the top frame only; support/axe.ts). */
	frames: number;
	/** h2/h3 in main without an id or without their copy-link control right after them. */
	headingsWithoutLink: { text?: string; id: string }[];
	weight: PageWeight;
	shifts: LayoutShift[];
	axeLight: string[];
	axeDark: string[];
}
interface PhoneLook {
	problems: string[];
	shifts: LayoutShift[];
	width: number;
}

async function lookOnDesktop(tab: Tab, { path, redirect, ready }: Target): Promise<DesktopLook> {
	const { page } = tab;
	const transfers = recordTransfers(page);
	await tab.visit(siteUrl(path), { allowStatus: allowStatus(path) });
	if (ready?.desktop) await page.waitForSelector(ready.desktop);
	const shifts = redirect ? [] : await layoutShifts(page, 100);
	// Axe runs while the network goes quiet (late requests still count towards the weight).
	const [sent, axeLight] = await Promise.all([transfers(), redirect ? [] : axeViolations(page, `/${path} (light)`)]);
	let axeDark: string[] = [];
	if (!redirect) {
		await page.emulateMedia({ colorScheme: 'dark' });
		axeDark = await axeViolations(page, `/${path} (dark)`, COLOUR_RULES);
		await page.emulateMedia({ colorScheme: 'light' });
	}
	const frame = await page.evaluate((exempt) => ({
		h1: document.querySelectorAll('h1').length,
		main: document.querySelectorAll('main#main').length,
		title: document.title,
		headingsWithoutLink: exempt
			? []
			: [...document.querySelectorAll('main :is(h2, h3)')]
					.filter((h) => {
						const finding = /^finding-(\d+)$/.exec(h.id)?.[1];
						const target = finding ? `/findings/${finding}/` : `#${h.id}`;
						return !h.id || !h.nextElementSibling?.matches(`a.anchor-link[href="${target}"]`);
					})
					.map((h) => ({ text: h.textContent?.trim(), id: h.id })),
	}), HANDOUTS.includes(path) || isState(path));
	return { problems: allProblems(tab.problems), ...frame, frames: page.frames().length - 1, weight: summarise(await sent, await inlineScriptBytes(page)), shifts, axeLight, axeDark };
}

async function lookOnPhone(tab: Tab, { path, ready }: Target): Promise<PhoneLook> {
	const { page } = tab;
	await tab.visit(siteUrl(path), { allowStatus: allowStatus(path) });
	if (ready?.phone) await page.waitForSelector(ready.phone);
	const shifts = await layoutShifts(page);
	return { problems: allProblems(tab.problems), shifts, width: await page.evaluate(() => document.documentElement.scrollWidth) };
}

let browser: Browser;
let desktopTabs: TabPool;
let phoneTabs: TabPool;
const desktop = new Map<string, Promise<DesktopLook>>();
const phone = new Map<string, Promise<PhoneLook>>();
// Looking starts for every page at once and runs ahead of the tests, three tabs at a time
// (two cores; most of a visit is waiting on the network or a timer). Each test awaits its page.
beforeAll(async () => {
	browser = await launchBrowser();
	desktopTabs = tabPool(browser, 2, { viewport: SCREENS.desktop, scriptsAfterFirstPaint: true });
	phoneTabs = tabPool(browser, 1, { viewport: SCREENS.phone, scriptsAfterFirstPaint: true });
	for (const target of targets) {
		desktop.set(target.path, desktopTabs.use((tab) => lookOnDesktop(tab, target)));
		if (!target.redirect) phone.set(target.path, phoneTabs.use((tab) => lookOnPhone(tab, target)));
	}
	// A failed look is reported by the tests that await it, not as an unhandled rejection.
	for (const look of [...desktop.values(), ...phone.values()]) look.catch(() => {});
});
afterAll(async () => {
	await Promise.allSettled([...desktop.values(), ...phone.values()]);
	await Promise.all([desktopTabs?.close(), phoneTabs?.close()]);
	await browser?.close();
});

const shiftMessage = (shifts: LayoutShift[]) => `layout shift ${layoutShiftScore(shifts).toFixed(4)}: ${shifts.flatMap((s) => s.sources).join('; ')}`;

describe.each(targets)('/$path', (target) => {
	const { path, redirect } = target;

	test('loads cleanly: one h1, a main landmark, a title, a copy link after every h2 and h3, no frames', async () => {
		const look = await desktop.get(path)!;
		expect(look.problems).toEqual([]);
		expect(look.h1).toBe(1);
		expect(look.main).toBe(1);
		expect(look.title.length).toBeGreaterThan(3);
		expect(look.title.length).toBeLessThanOrEqual(70);
		expect(look.headingsWithoutLink).toEqual([]);
		expect(look.frames, 'frames in the page').toBe(0);
		if (!redirect) expect((await phone.get(path)!).problems).toEqual([]);
	});

	if (!isState(path)) {
		test(`transfers at most ${kb(BUDGET.total)} KB, ${kb(BUDGET.js)} KB of it JavaScript`, async () => {
			const { weight } = await desktop.get(path)!;
			expect(weight.requests).toBeGreaterThan(0);
			expect(weight.total, `total bytes (${kb(weight.total)} KB)`).toBeLessThanOrEqual(BUDGET.total);
			expect(weight.js, `JavaScript bytes (${kb(weight.js)} KB)`).toBeLessThanOrEqual(BUDGET.js);
		});
	}

	if (redirect) return;

	test(`does not shift its layout on a desktop or a phone screen (score ≤ ${MAX_SHIFT}), nor run wider than the phone`, async () => {
		const onDesktop = await desktop.get(path)!;
		expect(layoutShiftScore(onDesktop.shifts), `desktop: ${shiftMessage(onDesktop.shifts)}`).toBeLessThanOrEqual(MAX_SHIFT);
		const onPhone = await phone.get(path)!;
		expect(layoutShiftScore(onPhone.shifts), `phone: ${shiftMessage(onPhone.shifts)}`).toBeLessThanOrEqual(MAX_SHIFT);
		// Content wider than a phone scrolls sideways (and a mobile browser zooms the page out to fit it).
		expect(onPhone.width, 'page width on a phone').toBeLessThanOrEqual(SCREENS.phone.width);
	});

	test('has no axe violations in the light scheme, nor of the colour rules in the dark', async () => {
		const look = await desktop.get(path)!;
		expect(look.axeLight).toEqual([]);
		expect(look.axeDark).toEqual([]);
	});
});

describe('hosted under a sub-path (/lcsi/)', () => {
	const subPages = builtPages(SUB_DIST).filter((p) => !isRedirect(SUB_DIST, p));
	test.concurrent.for(subPages)('/lcsi/%s loads with every request and link under the base', (path, { expect }) =>
		desktopTabs.use(async (tab) => {
			await tab.visit(subSiteUrl(path), { allowStatus: allowStatus(path) });
			expect(allProblems(tab.problems)).toEqual([]);
			const offBase = await tab.page.locator('a[href^="/"], link[href^="/"], script[src^="/"], img[src^="/"]').evaluateAll((els) =>
				els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? '').filter((u) => !u.startsWith('/lcsi/')),
			);
			expect(offBase).toEqual([]);
		}),
	);
});

describe('the measurements can fail', () => {
	test('axe reports a planted violation, and the dark scheme is the one the browser reports', async () => {
		const { page, close } = await openPage(browser, siteUrl('about/'));
		try {
			expect(await axeViolations(page, '/about/')).toEqual([]);
			await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'data:,' })));
			expect((await axeViolations(page, '/about/')).join('\n')).toMatch(/^image-alt \(critical\)/m);
			await page.emulateMedia({ colorScheme: 'dark' });
			expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
			await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'faint', style: 'color: #333' })));
			expect((await axeViolations(page, '/about/', COLOUR_RULES)).join('\n')).toMatch(/^color-contrast/m);
		} finally {
			await close();
		}
	});

	test('the layout-shift reading sees content pushed down after load', async () => {
		const { page, close } = await openPage(browser, siteUrl('findings/'), { viewport: SCREENS.desktop });
		try {
			await layoutShifts(page, 0);
			await page.evaluate(() => {
				const p = document.createElement('p');
				p.textContent = 'late';
				p.style.height = '200px';
				document.querySelector('main')!.prepend(p);
			});
			expect(layoutShiftScore(await layoutShifts(page))).toBeGreaterThan(MAX_SHIFT);
		} finally {
			await close();
		}
	});

	test('transfer sizes are the compressed bytes on the wire', async () => {
		// The home page document must count as its gzip size (plus headers), not its size on
		// disk, or every budget above would be meaningless.
		let sent: () => Promise<Transfer[]> = async () => [];
		const { close } = await openPage(browser, siteUrl(''), { beforeGoto: (p: Page) => void (sent = recordTransfers(p)) });
		try {
			const doc = (await sent()).find((t) => t.type === 'document');
			const gzipped = gzipSync(readFileSync(`${DIST}/index.html`)).length;
			expect(doc?.bytes).toBeGreaterThan(gzipped * 0.9);
			expect(doc?.bytes).toBeLessThan(gzipped + 600);
		} finally {
			await close();
		}
	});

	test("the search page's inline script counts as its compressed size, and all of it counts", async () => {
		const { page, close } = await openPage(browser, siteUrl('search/'));
		try {
			const html = readFileSync(`${DIST}/search/index.html`, 'utf8');
			const code = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
			expect(code.join('').length, 'the inline code on disk').toBeGreaterThan(15_000);
			const counted = await inlineScriptBytes(page);
			expect(counted).toBeGreaterThan(gzipSync(code.join('\n')).length * 0.9);
			expect(counted).toBeLessThan(gzipSync(code.join('\n')).length * 1.1);
		} finally {
			await close();
		}
	});
});
