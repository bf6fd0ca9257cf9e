/**
 * Shared browser plumbing: launch the system Chromium through playwright-core (its own
 * browser download does not work here) and open pages while recording anything that went
 * wrong: console errors, uncaught exceptions, failed or 4xx/5xx requests, and any request
 * to another host (the site must load nothing from elsewhere).
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { SUB_DIST } from './paths.ts';

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

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
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
}

export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<OpenedPage> {
	const { allowStatus = [], beforeGoto, ...contextOptions } = options;
	const context = await browser.newContext({ ...contextOptions });
	const page = await context.newPage();
	const origin = new URL(url).origin;
	const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
	await page.route('**/*', (route) => {
		const requestUrl = route.request().url();
		if (requestUrl.startsWith('data:') || requestUrl.startsWith(origin)) return route.continue();
		problems.foreignRequests.push(requestUrl);
		return route.abort();
	});
	page.on('console', (m) => {
		if (m.type() === 'error') problems.consoleErrors.push(`${m.text()} (${m.location().url})`);
	});
	page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
	page.on('requestfailed', (r) => {
		// A page that replaces itself at once (the short /findings/N/ redirects) aborts its own load.
		if (r.isNavigationRequest() && r.failure()?.errorText === 'net::ERR_ABORTED') return;
		if (!problems.foreignRequests.includes(r.url())) problems.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`);
	});
	page.on('response', (r) => {
		if (r.status() >= 400 && !(r.url() === page.url() && allowStatus.includes(r.status()))) problems.failedRequests.push(`${r.url()}: HTTP ${r.status()}`);
	});
	await beforeGoto?.(page);
	await page.goto(url, { waitUntil: 'load' });
	return { page, problems, close: () => context.close() };
}

/** Every problem recorded, as one list (empty when the page is clean). */
export function allProblems(p: PageProblems): string[] {
	return [...p.consoleErrors, ...p.pageErrors, ...p.failedRequests, ...p.foreignRequests.map((u) => `request to another host: ${u}`)];
}
