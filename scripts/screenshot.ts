/**
 * Screenshots of built pages for review: `npm run screenshot -- /findings/5/ /pathways/`.
 * Writes PNGs to screenshots/ at desktop (1280px) and narrow (320px) widths, light and dark.
 * Options: --width=320 --dark --print (print media) --full (whole page).
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser } from '../tests/browser/support/browser.ts';
import { startServer } from './lib/static-server.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const paths = args.filter((a) => !a.startsWith('--'));
const widthFlag = [...flags].find((f) => f.startsWith('--width='));
const widths = widthFlag ? [Number(widthFlag.split('=')[1])] : [1280, 320];
const root = process.env.LCSI_OUT_DIR ?? 'dist';
const base = process.env.BASE_PATH ?? '/';

mkdirSync('screenshots', { recursive: true });
const server = await startServer({ root, base, port: 0 });
const browser = await launchBrowser();
try {
	for (const path of paths.length ? paths : ['']) {
		for (const width of widths) {
			const context = await browser.newContext({
				viewport: { width, height: 900 },
				colorScheme: flags.has('--dark') ? 'dark' : 'light',
			});
			const page = await context.newPage();
			if (flags.has('--print')) await page.emulateMedia({ media: 'print' });
			await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
			const name = `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${width}${flags.has('--dark') ? '-dark' : ''}${flags.has('--print') ? '-print' : ''}.png`;
			await page.screenshot({ path: `screenshots/${name}`, fullPage: flags.has('--full') });
			console.log(`screenshots/${name}`);
			await context.close();
		}
	}
} finally {
	await browser.close();
	await server.close();
}
