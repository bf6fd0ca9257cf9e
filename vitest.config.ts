/**
 * Three kinds of test, run by `npm test` after the site is built:
 * - unit: pure functions in src/ and scripts/ (no build, no browser);
 * - build: Astro builds of deliberately broken or altered copies of content/;
 * - browser: the built site (dist/ and the sub-path build dist-sub/) in headless Chromium.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{ test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 240_000 } },
			{
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/browser/support/global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});
