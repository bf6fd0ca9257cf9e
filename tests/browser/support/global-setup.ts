/**
 * Serve the built site twice, as a host would: dist/ at the root and dist-sub/ under /lcsi/,
 * and start the one Chromium every browser test file connects to (launchBrowser() in
 * browser.ts). Tests read the URLs with `inject('siteUrl')` and `inject('subSiteUrl')`.
 */
import { existsSync } from 'node:fs';
import type { BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { startServer, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { CHROMIUM_OPTIONS, chromium } from './chromium.ts';
import { SUB_BASE, SUB_DIST, DIST } from './paths.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		siteUrl: string;
		subSiteUrl: string;
		/** Where the shared Chromium listens (playwright's chromium.connect()). */
		browserWsEndpoint: string;
	}
}

let servers: StaticServer[] = [];
let browserServer: BrowserServer | undefined;

export async function setup(project: TestProject) {
	if (!existsSync(`${DIST}/index.html`)) throw new Error(`${DIST}/ has no built site: run "npm run build:local" first (npm test does).`);
	const main = await startServer({ root: DIST, port: 0 });
	servers = [main];
	project.provide('siteUrl', main.url);
	// The sub-path build is only needed by the tests that check it; they fail with a clear
	// message (see subSiteUrl() in browser.ts) when it is missing.
	if (existsSync(`${SUB_DIST}/index.html`)) {
		const sub = await startServer({ root: SUB_DIST, base: SUB_BASE, port: 0 });
		servers.push(sub);
		project.provide('subSiteUrl', sub.url);
	} else {
		project.provide('subSiteUrl', '');
	}
	browserServer = await chromium.launchServer(CHROMIUM_OPTIONS);
	project.provide('browserWsEndpoint', browserServer.wsEndpoint());
}

export async function teardown() {
	await Promise.all([...servers.map((s) => s.close()), browserServer?.close()]);
}
