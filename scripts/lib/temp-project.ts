/**
 * A throwaway copy of the project in the system temp folder, for builds of broken or
 * synthetic content (tests/build/ and `npm run bench`). Nothing is ever written to content/.
 *
 * Why a copy of the project and not just LCSI_CONTENT_DIR and LCSI_OUT_DIR pointing at a temp
 * folder: Astro writes part of every build into `<root>/.astro/` whatever the output folder
 * (`content-modules.mjs` lists every MDX module to import; also `collections/` and types),
 * and when the output folder is outside the working directory its pre-render chunks go to
 * `<cwd>/.astro/.prerender/` as well. Two builds of different content in one checkout
 * overwrite each other's files there; we saw a build of good content fail with
 * "UnknownContentCollectionError" while a broken copy was building beside it. So each build
 * here gets its own root: src/, public/, content/ and the config are copied (well under a
 * megabyte), and node_modules is a real folder of links to the checkout's packages, so the
 * Astro cache (`node_modules/.astro/`) is private too and is removed with the copy.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this module lives in. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a copy needs to build; everything else (tests, scripts, dist folders) stays behind. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** Packages the copy must not share: the Astro and Vite caches belong to one build each. */
const PRIVATE_IN_NODE_MODULES = new Set(['.astro', '.vite', '.cache']);

export interface BuildResult {
	/** Exit code of `astro build` (0 when the site built). */
	code: number | null;
	/** Everything the build printed, stdout and stderr interleaved, without colour codes. */
	output: string;
	/** Wall-clock time of the build in milliseconds. */
	ms: number;
}

export interface TempProject {
	/** Root of the copy; the site builds into `<root>/dist/`. */
	root: string;
	/** The copy's content folder, to break or multiply before building. */
	content: string;
	/** The copy's output folder. */
	dist: string;
	/** Run `astro build` in the copy with the pinned Node; extra env (e.g. BASE_PATH) is passed on. */
	build(env?: Record<string, string>): Promise<BuildResult>;
	remove(): Promise<void>;
}

/** The Node that npm scripts run (the `node` package pins it); the current one otherwise. */
export function pinnedNode(): string {
	const pinned = join(REPO_ROOT, 'node_modules/.bin/node');
	return existsSync(pinned) ? pinned : process.execPath;
}

/** Copy the project (with `content` from another folder if given) into a new temp folder. */
export async function createTempProject(label: string, options: { content?: string } = {}): Promise<TempProject> {
	const root = await mkdtemp(join(tmpdir(), `lcsi-${label}-`));
	await Promise.all(PROJECT_FILES.map((f) => cp(join(REPO_ROOT, f), join(root, f), { recursive: true })));
	await cp(options.content ?? join(REPO_ROOT, 'content'), join(root, 'content'), { recursive: true });
	await mkdir(join(root, 'node_modules'));
	const packages = await readdir(join(REPO_ROOT, 'node_modules'));
	await Promise.all(
		packages.filter((p) => !PRIVATE_IN_NODE_MODULES.has(p)).map((p) => symlink(join(REPO_ROOT, 'node_modules', p), join(root, 'node_modules', p))),
	);
	return {
		root,
		content: join(root, 'content'),
		dist: join(root, 'dist'),
		build: (env = {}) => runAstroBuild(root, env),
		remove: () => rm(root, { recursive: true, force: true }),
	};
}

function runAstroBuild(root: string, extraEnv: Record<string, string>): Promise<BuildResult> {
	// The test runner's own variables (NODE_ENV=test, VITEST_*) would change how Vite builds.
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !/^(VITEST|NODE_ENV$|FORCE_COLOR$|TEST$)/.test(key)) env[key] = value;
	}
	Object.assign(env, {
		LCSI_CONTENT_DIR: './content',
		LCSI_OUT_DIR: './dist',
		// A local origin unless the caller gives one; production builds without it refuse to run.
		SITE_URL: 'http://localhost:4321',
		// The copy lives in a temp folder; quotes are still checked against ../shared/ of the checkout.
		LCSI_SOURCES_ROOT: join(REPO_ROOT, '..'),
		ASTRO_TELEMETRY_DISABLED: '1',
		NO_COLOR: '1',
		...extraEnv,
	});
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(pinnedNode(), [join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, output: output.replace(/\x1b\[[0-9;]*m/g, ''), ms: performance.now() - started }));
	});
}
