/**
 * How the tests and scripts start the system Chromium (playwright-core's own browser download
 * does not work here). Kept apart from browser.ts so the global setup, which runs outside the
 * test workers, can start the one browser the test files share.
 */
import { chromium, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_OPTIONS: LaunchOptions = {
	executablePath: CHROMIUM_PATH,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export { chromium };
