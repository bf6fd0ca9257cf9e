/**
 * Shared browser plumbing: the system Chromium through playwright-core, and pages opened
 * while recording anything that went wrong: console errors, uncaught exceptions, failed or
 * 4xx/5xx requests, and any request to another host (the site must load nothing from
 * elsewhere). Pages open with reduced motion, so nothing scrolls or animates while a test
 * reads positions, and can report their layout shifts (layoutShifts()).
 */
import type { Browser, BrowserContextOptions, Frame, Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_OPTIONS, CHROMIUM_PATH, chromium } from './chromium.ts';
import { SUB_DIST } from './paths.ts';

export { CHROMIUM_PATH };

/** URL of the root-hosted build (dist/), e.g. http://localhost:41234/ */
export function siteUrl(path = ''): string {
	return new URL(path.replace(/^\//, ''), inject('siteUrl')).href;
}

/** URL of the sub-path build (dist-sub/ under /lcsi/). */
export function subSiteUrl(path = ''): string {
	const base = inject('subSiteUrl');
	if (!base) throw new Error(`${SUB_DIST}/ has no built site: run "npm run build:subpath" first (npm test does).`);
	return new URL(path.replace(/^\//, ''), base).href;
}

/**
 * A browser to test with. In the browser test project every file shares the one Chromium
 * that the global setup started (connecting takes milliseconds, starting Chromium a second or
 * more on the loaded 2-core machine, and one browser uses far less memory than one per file);
 * `close()` then only disconnects this file and closes the contexts it opened. Elsewhere
 * (scripts, the build project) it starts a Chromium of its own.
 */
export function launchBrowser(): Promise<Browser> {
	const shared = process.env.VITEST ? inject('browserWsEndpoint') : undefined;
	return shared ? chromium.connect(shared) : chromium.launch(CHROMIUM_OPTIONS);
}

export interface PageProblems {
	consoleErrors: string[];
	pageErrors: string[];
	failedRequests: string[];
	foreignRequests: string[];
}

export interface OpenedPage {
	page: Page;
	problems: PageProblems;
	close(): Promise<void>;
}

export interface OpenOptions extends BrowserContextOptions {
	/** Status codes that are expected for the page itself (e.g. 404 for the not-found test). */
	allowStatus?: number[];
	/** Runs on the new page before it navigates, e.g. to listen to every request (page weight). */
	beforeGoto?: (page: Page) => void | Promise<void>;
	/**
	 * Hold the site's scripts until the page has first painted, as on a slow connection, so
	 * that anything a script adds, reveals or resizes happens on screen where a layout shift
	 * can see it (on a fast local load a script may run before the first paint, and a late
	 * reveal would pass or fail by chance).
	 */
	scriptsAfterFirstPaint?: boolean;
}

/**
 * A browser tab that records problems, and can visit one page after another. Opening a tab
 * costs about half a second on the 2-core machine (a context and a renderer process), a visit
 * a third of that, so tests that only look at pages (every-page.test.ts) reuse tabs. Request
 * interception is on for every tab, which turns the HTTP cache off: each visit fetches all it
 * needs, as a first visit does.
 */
export interface Tab {
	page: Page;
	/** What went wrong during the latest visit (cleared when the next one starts). */
	problems: PageProblems;
	visit(url: string, options?: { allowStatus?: number[] }): Promise<void>;
	close(): Promise<void>;
}

export type TabOptions = Omit<OpenOptions, 'allowStatus' | 'beforeGoto'>;

export async function openTab(browser: Browser, options: TabOptions = {}): Promise<Tab> {
	const { scriptsAfterFirstPaint = false, ...contextOptions } = options;
	const context = await browser.newContext({ reducedMotion: 'reduce', ...contextOptions });
	const page = await context.newPage();
	const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
	let target = '';
	let allowStatus: number[] = [];
	let painted = () => {};
	let firstPaint = Promise.resolve();
	if (scriptsAfterFirstPaint) {
		await page.exposeFunction('__lcsiFirstPaint', () => painted());
		await page.addInitScript(() =>
			new PerformanceObserver((list, observer) => {
				if (!list.getEntriesByName('first-paint').length) return;
				observer.disconnect();
				(window as unknown as { __lcsiFirstPaint: () => void }).__lcsiFirstPaint();
			}).observe({ type: 'paint', buffered: true }),
		);
	}
	await page.route('**/*', async (route) => {
		const requestUrl = route.request().url();
		const origin = target ? new URL(target).origin : 'about:';
		if (scriptsAfterFirstPaint && route.request().resourceType() === 'script' && requestUrl.startsWith(origin)) {
			// A page that cannot paint before its scripts (none here) would wait 3 s, not for ever.
			await Promise.race([firstPaint, new Promise((r) => setTimeout(r, 3000))]);
		}
		if (requestUrl.startsWith('data:') || requestUrl.startsWith(origin)) return route.continue();
		problems.foreignRequests.push(requestUrl);
		return route.abort();
	});
	page.on('console', (m) => {
		if (m.type() === 'error') problems.consoleErrors.push(`${m.text()} (${m.location().url})`);
	});
	page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
	page.on('requestfailed', (r) => {
		// A request cancelled because the tab moved on (a short /findings/N/ address replacing
		// itself, the icon, or Pagefind's files still loading behind a finished search) is not a
		// fault; a missing file is a 404 below.
		if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
		// With JavaScript off, Chromium refuses the modules a page preloads ("csp"): that is the
		// setting working, not the page failing.
		if (contextOptions.javaScriptEnabled === false && r.resourceType() === 'script' && r.failure()?.errorText === 'csp') return;
		if (!problems.foreignRequests.includes(r.url())) problems.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`);
	});
	page.on('response', (r) => {
		const isPage = r.url() === target || r.url() === page.url();
		if (r.status() >= 400 && !(isPage && allowStatus.includes(r.status()))) problems.failedRequests.push(`${r.url()}: HTTP ${r.status()}`);
	});
	return {
		page,
		problems,
		async visit(url, options = {}) {
			for (const list of Object.values(problems)) list.length = 0;
			target = url;
			allowStatus = options.allowStatus ?? [];
			firstPaint = scriptsAfterFirstPaint ? new Promise<void>((resolve) => (painted = resolve)) : Promise.resolve();
			await page.goto(url, { waitUntil: 'load' });
		},
		close: () => context.close(),
	};
}

/**
 * Tabs that tests have closed, kept for the next openPage() in the same test file with the same
 * options: a new tab costs 0.3-0.5 s of the 2-core machine (mostly its renderer process), a
 * visit in an open one about a quarter of that, and most tests open a page, use it and close
 * it. Only a tab whose state cannot outlive its test goes back (see `tidy()`), with the site's
 * storage and cookies cleared and the pointer moved off the content, so the next test meets a
 * first visit as before. Spare tabs close with the file's connection (launchBrowser()).
 */
const spareTabs = new WeakMap<Browser, Map<string, Tab[]>>();

/**
 * What a test may do to a page or its context that the next test would inherit: an init script,
 * a route, emulation, permissions, a CDP session. Calling any of these leaves the tab to be
 * closed rather than kept. (Listeners a test adds are counted at close instead, because
 * Playwright's own waits add and remove listeners too.)
 */
const LASTING_PAGE_CALLS = ['addInitScript', 'exposeFunction', 'exposeBinding', 'route', 'routeFromHAR', 'setViewportSize', 'emulateMedia', 'setExtraHTTPHeaders', 'addLocatorHandler', 'setDefaultTimeout', 'setDefaultNavigationTimeout'];
const LASTING_CONTEXT_CALLS = ['addInitScript', 'exposeFunction', 'exposeBinding', 'route', 'routeFromHAR', 'grantPermissions', 'setOffline', 'setGeolocation', 'setExtraHTTPHeaders', 'setHTTPCredentials', 'newCDPSession', 'newPage'];
const LASTING_CLOCK_CALLS = ['install', 'setFixedTime', 'setSystemTime', 'pauseAt'];

/** Per tab: whether a test has called a lasting method since the tab was last handed out. */
const changedTabs = new WeakMap<Tab, { lasting: boolean }>();

function watchLastingChanges(tab: Tab): { lasting: boolean } {
	const known = changedTabs.get(tab);
	if (known) return known;
	const flag = { lasting: false };
	changedTabs.set(tab, flag);
	const watch = (target: object, names: string[]) => {
		const methods = target as Record<string, unknown>;
		for (const name of names) {
			const original = methods[name];
			if (typeof original !== 'function') continue;
			methods[name] = (...args: unknown[]) => {
				flag.lasting = true;
				return (original as (...a: unknown[]) => unknown).apply(target, args);
			};
		}
	};
	watch(tab.page, LASTING_PAGE_CALLS);
	watch(tab.page.context(), LASTING_CONTEXT_CALLS);
	watch(tab.page.clock, LASTING_CLOCK_CALLS);
	return flag;
}

/** Listeners on the page (Playwright's Page is an EventEmitter, though its types do not say so). */
const listenerCount = (page: Page) => {
	const emitter = page as unknown as { eventNames(): (string | symbol)[]; listenerCount(name: string | symbol): number };
	return emitter.eventNames().reduce((n, name) => n + emitter.listenerCount(name), 0);
};

export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<OpenedPage> {
	const { allowStatus = [], beforeGoto, ...tabOptions } = options;
	const key = JSON.stringify(tabOptions);
	let spares = spareTabs.get(browser);
	if (!spares) spareTabs.set(browser, (spares = new Map()));
	const tab = spares.get(key)?.pop() ?? (await openTab(browser, tabOptions));
	const { page } = tab;
	const changes = watchLastingChanges(tab);
	changes.lasting = false;
	// Every site the tab shows during the test, whose storage the next test must not find.
	const origins = new Set<string>();
	const onNavigated = (frame: Frame) => {
		if (frame === page.mainFrame() && /^https?:/.test(frame.url())) origins.add(new URL(frame.url()).origin);
	};
	page.on('framenavigated', onNavigated);
	// The tab's own listeners, counted before the test (and its beforeGoto) can add any.
	const listeners = listenerCount(page);
	await beforeGoto?.(page);
	await tab.visit(url, { allowStatus });

	/** Make the tab as a new one would be, or say it cannot be. */
	const tidy = async (): Promise<boolean> => {
		if (changes.lasting || page.isClosed() || listenerCount(page) > listeners) return false;
		page.off('framenavigated', onNavigated);
		if (origins.size !== 1 || !origins.has(new URL(page.url()).origin)) return false;
		await page.evaluate(() => {
			localStorage.clear();
			sessionStorage.clear();
		});
		await page.context().clearCookies();
		await page.mouse.move(0, 0);
		await page.goto('about:blank');
		return true;
	};
	let closed = false;
	const close = async () => {
		if (closed) return;
		closed = true;
		if (await tidy().catch(() => false)) {
			const list = spares.get(key) ?? [];
			spares.set(key, list);
			list.push(tab);
		} else await tab.close();
	};
	return { page, problems: tab.problems, close };
}

/** Every problem recorded, as one list (empty when the page is clean). */
export function allProblems(p: PageProblems): string[] {
	return [...p.consoleErrors, ...p.pageErrors, ...p.failedRequests, ...p.foreignRequests.map((u) => `request to another host: ${u}`)];
}

export interface LayoutShift {
	value: number;
	/** The elements that moved, e.g. `OL.findings-list: y 382 → 593`. */
	sources: string[];
}

/**
 * Every layout shift the page has had so far that a reader did not cause (shifts within
 * 500 ms of input do not count, as in Cumulative Layout Shift), read with a buffered
 * PerformanceObserver after web fonts are in and the page has had `settleMs` to settle.
 */
export async function layoutShifts(page: Page, settleMs = 300): Promise<LayoutShift[]> {
	await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
	await page.waitForTimeout(settleMs);
	return page.evaluate(
		() =>
			new Promise<LayoutShift[]>((resolve) => {
				type Entry = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
				const seen: Entry[] = [];
				const observer = new PerformanceObserver((list) => seen.push(...(list.getEntries() as Entry[])));
				observer.observe({ type: 'layout-shift', buffered: true });
				// Buffered entries arrive in a task of their own; none at all means no callback.
				setTimeout(() => {
					seen.push(...(observer.takeRecords() as Entry[]));
					observer.disconnect();
					const describe = (node: Node | null | undefined) => (node instanceof Element ? `${node.tagName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}` : (node?.nodeName ?? 'a removed node'));
					resolve(
						seen
							.filter((e) => !e.hadRecentInput)
							.map((e) => ({
								value: e.value,
								sources: (e.sources ?? []).map((s) => `${describe(s.node)}: x ${Math.round(s.previousRect.x)} → ${Math.round(s.currentRect.x)}, y ${Math.round(s.previousRect.y)} → ${Math.round(s.currentRect.y)}, height ${Math.round(s.previousRect.height)} → ${Math.round(s.currentRect.height)}`),
							})),
					);
				}, 50);
			}),
	);
}

/** The page's layout shift score (the sum, as CLS has it for a page this short-lived). */
export const layoutShiftScore = (shifts: LayoutShift[]) => shifts.reduce((sum, s) => sum + s.value, 0);

/**
 * How many elements a locator finds and how many of them are shown. "Hidden" is asserted as
 * `{ found: 1, shown: 0 }`, never as `isVisible() === false`, which also passes when the
 * selector matches nothing (a renamed class would pass as hidden).
 */
export async function visibility(locator: Locator): Promise<{ found: number; shown: number }> {
	const shown = await locator.evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden').length);
	return { found: await locator.count(), shown };
}
