/**
 * Serve the built site twice, as a host would: dist/ at the root and dist-sub/ under /lcsi/.
 * Tests read the URLs with `inject('siteUrl')` and `inject('subSiteUrl')`.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { SUB_BASE, SUB_DIST, DIST } from './paths.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		siteUrl: string;
		subSiteUrl: string;
	}
}

let servers: StaticServer[] = [];

export async function setup(project: TestProject) {
	for (const dir of [DIST, SUB_DIST]) {
		if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir}/ has no built site: run "npm run build" and "npm run build:subpath" first (npm test does both).`);
	}
	const main = await startServer({ root: DIST, port: 0 });
	const sub = await startServer({ root: SUB_DIST, base: SUB_BASE, port: 0 });
	servers = [main, sub];
	project.provide('siteUrl', main.url);
	project.provide('subSiteUrl', sub.url);
}

export async function teardown() {
	await Promise.all(servers.map((s) => s.close()));
}
