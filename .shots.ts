// Temporary: screenshots of states for review (not committed).
import { launchBrowser } from './tests/browser/support/browser.ts';
import { startServer } from './scripts/lib/static-server.ts';
const [, , path, width, out, ...steps] = process.argv;
const server = await startServer({ root: 'dist', base: '/', port: 0 });
const browser = await launchBrowser();
try {
	const dark = steps.includes('dark');
	const context = await browser.newContext({ viewport: { width: Number(width), height: width === '1280' ? 900 : 844 }, colorScheme: dark ? 'dark' : 'light', hasTouch: Number(width) < 500 });
	const page = await context.newPage();
	page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
	page.on('pageerror', (e) => console.log('pageerror:', String(e)));
	await page.goto(new URL(path!.replace(/^\//, ''), server.url).href, { waitUntil: 'networkidle' });
	let full = false;
	for (const step of steps) {
		const i = step.indexOf('='); const kind = i < 0 ? step : step.slice(0, i); const arg = i < 0 ? '' : step.slice(i + 1);
		if (kind === 'scroll') await page.locator(arg!).first().evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
		else if (kind === 'click') await page.locator(arg!).first().click();
		else if (kind === 'tap') await page.locator(arg!).first().tap();
		else if (kind === 'full') full = true;
		else if (kind === 'wait') await page.waitForTimeout(Number(arg));
	}
	await page.waitForTimeout(300);
	await page.screenshot({ path: out!, fullPage: full });
	console.log(out);
	await context.close();
} finally {
	await browser.close();
	await server.close();
}
