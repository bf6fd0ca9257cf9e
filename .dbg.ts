import { launchBrowser } from '/work/wt-diagrams/tests/browser/support/browser.ts';
import { startServer } from '/work/wt-diagrams/scripts/lib/static-server.ts';
const server = await startServer({ root: '/work/wt-diagrams/dist', base: '/', port: 0 });
const browser = await launchBrowser();
for (const js of [false, true]) {
const ctx = await browser.newContext({ viewport: { width: 320, height: 800 }, javaScriptEnabled: js });
const page = await ctx.newPage();
await page.goto(server.url + process.argv[2]);
console.log(js, await page.evaluate(() => document.documentElement.scrollWidth));
console.log(await page.evaluate(() => [...document.querySelectorAll(".table-region")].map((el) => [getComputedStyle(el).overflowX, el.getBoundingClientRect().width, el.scrollWidth, el.parentElement.className, el.parentElement.getBoundingClientRect().width])));
await ctx.close();
}
await browser.close(); await server.close();
