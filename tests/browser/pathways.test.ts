/**
 * The theory-of-change diagrams in Chromium.
 *
 * /pathways/ is layered: it opens on what the research states (every step, only the links
 * flagged `stated`) and "Show this site's reading" adds the indicative links, with the view in
 * the address (`?reading=1`) and announced. On wide screens the details sit beside the drawing;
 * at phone widths the steps are one column with their links written out, and a tap opens the
 * details directly under the step, with "Back to the diagram" returning focus to it. Also:
 * JavaScript off, the keyboard path, linking to a step, hover, labels fitting their boxes as
 * rendered, 200% zoom, the small diagrams on finding and function pages (only their own steps),
 * the home page's overview, script weight, and axe in both colour schemes.
 *
 * Expected links and highlights are worked out here from content/theory-of-change.yaml by plain
 * reachability, not with the site's own path code, and follow the `stated` flags as they are.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readMdx, readYaml } from '../support/content-files.ts';
import { COLOUR_RULES, axeViolations } from './support/axe.ts';
import { allProblems, launchBrowser, openPage, siteUrl, visibility } from './support/browser.ts';

interface TocYaml {
	nodes: { id: string; label: string; stage: string; function?: string; sources: { ref: string; section?: string }[] }[];
	edges: { from: string; to: string; basis: string; evidence: string }[];
}
type Edge = TocYaml['edges'][number];
const toc = readYaml<TocYaml>('theory-of-change.yaml');
const STAGES = ['activity', 'outcome', 'pathway', 'impact'];
const edgeKey = (e: { from: string; to: string }) => `${e.from}--${e.to}`;
const statedEdges = toc.edges.filter((e) => e.basis === 'stated');
const indicativeEdges = toc.edges.filter((e) => e.basis === 'indicative');

/** Links on paths through one node: everything it reaches, everything that reaches it. */
function expectedPaths(id: string, edges: Edge[] = toc.edges): string[] {
	const reach = (start: string, step: (e: Edge) => [string, string]) => {
		const seen = new Set([start]);
		const links: string[] = [];
		for (let grew = true; grew; ) {
			grew = false;
			for (const e of edges) {
				const [near, far] = step(e);
				if (seen.has(near) && !links.includes(edgeKey(e))) {
					links.push(edgeKey(e));
					seen.add(far);
					grew = true;
				}
			}
		}
		return links;
	};
	return [...reach(id, (e) => [e.from, e.to]), ...reach(id, (e) => [e.to, e.from])].sort();
}

/** Every node reachable from `id` (downstream), by plain search. */
function downstream(id: string): Set<string> {
	const seen = new Set<string>();
	const stack = [id];
	while (stack.length) {
		const at = stack.pop()!;
		for (const e of toc.edges) if (e.from === at && !seen.has(e.to)) stack.push(e.to), seen.add(e.to);
	}
	return seen;
}

const WIDE = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const NARROW = { viewport: { width: 320, height: 800 } };
const DRAWING = 'svg.toc-svg--horizontal';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Wait (up to 5 s) until the element, or its top edge, is within the viewport. */
async function untilInView(page: Page, locator: Locator, part: 'whole' | 'top' = 'whole') {
	const handle = await locator.elementHandle();
	await page.waitForFunction(
		([el, part]) => {
			const r = (el as Element).getBoundingClientRect();
			return r.top >= 0 && (part === 'top' ? r.top < innerHeight : r.bottom <= innerHeight);
		},
		[handle, part] as const,
		{ timeout: 5000 },
	);
}

/** Links actually drawn (rendered, not display: none) in the wide drawing. */
const drawnEdges = (page: Page) => page.locator(`${DRAWING} .toc-edge`).evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).map((el) => el.getAttribute('data-edge')!).sort());
const litEdges = (page: Page) => page.locator(`${DRAWING} .toc-edge.is-on-path`).evaluateAll((els) => els.map((el) => el.getAttribute('data-edge')!).sort());
const focusedNode = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-node') ?? null);
const panelEntry = (page: Page) => page.locator('[data-details-panel] [data-details-for]:visible');
const announced = (page: Page, text: string) => page.waitForFunction((t) => document.getElementById('live-announcer')?.textContent?.includes(t), text, { timeout: 5000 });
const readingToggle = (page: Page) => page.getByLabel(/Show this site’s reading/);

describe('/pathways/ with JavaScript off', () => {
	test('shows what the research states: every step, only the stated links, with the legend and the choice above the drawing', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('pathways/'), { ...WIDE, javaScriptEnabled: false });
		try {
			expect(allProblems(problems)).toEqual([]);
			const svg = page.locator('svg.toc-svg:visible');
			expect(await svg.count()).toBe(1);
			expect(await svg.getAttribute('data-orientation')).toBe('horizontal');
			expect(await svg.getAttribute('role')).toBe('group');
			expect(await page.locator(`#${await svg.getAttribute('aria-labelledby')}`).textContent()).toMatch(/^Theory of change/);
			expect(await page.locator(`#${await svg.getAttribute('aria-describedby')}`).textContent()).toContain(`${toc.nodes.length} steps`);
			expect((await svg.locator('a[data-node]').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')))).sort()).toEqual(toc.nodes.map((n) => n.id).sort());
			// Both views are in the markup; only the stated links are drawn.
			expect((await svg.locator('[data-edge]').evaluateAll((els) => els.map((el) => el.getAttribute('data-edge')))).sort()).toEqual(toc.edges.map(edgeKey).sort());
			expect(await drawnEdges(page)).toEqual(statedEdges.map(edgeKey).sort());
			// Indicative links are dashed, stated ones solid: the line style, not colour, says which.
			for (const e of toc.edges) {
				const dash = await svg.locator(`[data-edge="${edgeKey(e)}"] .toc-edge-line`).evaluate((el) => getComputedStyle(el).strokeDasharray);
				expect(dash === 'none', edgeKey(e)).toBe(e.basis === 'stated');
			}
			for (const stage of ['Activities', 'Outcomes', 'Pathways', 'Impacts']) expect(await svg.locator('.toc-stage-label', { hasText: stage }).isVisible()).toBe(true);
			// What the briefing says of the stages as a whole, as arrows over the headings.
			expect(await svg.locator('[data-stage-link]').evaluateAll((els) => els.filter((el) => el.getClientRects().length).map((el) => `${el.getAttribute('data-stage-link')}: ${el.textContent?.trim()}`))).toEqual([
				'activity--pathway: led to',
				'pathway--impact: lead to',
			]);
			// The legend, the choice of view and the way to the text version come before the drawing.
			const top = (await svg.boundingBox())!.y;
			const legend = page.locator('.toc-controls .toc-legend');
			// It explains only the kinds of line that can be drawn, with their numbers.
			expect(await legend.textContent()).toContain(`(${indicativeEdges.length} link`);
			if (statedEdges.length) expect(await legend.textContent()).toContain(`(${statedEdges.length} link`);
			else expect(await legend.textContent()).not.toContain('Solid line');
			expect((await legend.boundingBox())!.y).toBeLessThan(top);
			expect(await readingToggle(page).isChecked()).toBe(false);
			expect((await readingToggle(page).boundingBox())!.y).toBeLessThan(top);
			expect(await page.locator('label', { hasText: 'Show this site’s reading' }).textContent()).toContain(`${indicativeEdges.length} link`);
			expect(await page.locator('.toc-controls a[href="#text-version"]').isVisible()).toBe(true);
			// Both are in the page (for when the script runs) and hidden without it.
			for (const selector of ['[data-details-panel]', '[data-diagram-hint]']) {
				expect(await page.locator(selector).count(), selector).toBe(1);
				expect(await page.locator(selector).isVisible(), selector).toBe(false);
			}
		} finally {
			await close();
		}
	});

	test('the choice still adds this site’s reading (CSS only), dashed', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), { ...WIDE, javaScriptEnabled: false });
		try {
			await readingToggle(page).check();
			expect(await drawnEdges(page)).toEqual(toc.edges.map(edgeKey).sort());
			expect(await page.locator('.toc-view-status').innerText()).toMatch(/this site’s reading/);
		} finally {
			await close();
		}
	});

	test('has the text version: stages, then nodes, then what each leads to with the evidence', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), { ...WIDE, javaScriptEnabled: false });
		try {
			expect(await page.locator('h2#text-version').isVisible()).toBe(true);
			for (const stage of STAGES) {
				const section = page.locator(`section:has(> .heading-wrapper > h3#stage-${stage})`);
				const ids = await section.locator('ol > li[id^="node-"]').evaluateAll((els) => els.map((el) => el.id.slice('node-'.length)));
				expect(ids.sort(), stage).toEqual(toc.nodes.filter((n) => n.stage === stage).map((n) => n.id).sort());
			}
			for (const n of toc.nodes) {
				const entry = page.locator(`li#node-${n.id}`);
				expect(await entry.locator('h4').textContent()).toBe(n.label);
				const out = toc.edges.filter((e) => e.from === n.id);
				const leadsTo = entry.locator('ul.toc-links:not(.toc-links--brief) > li');
				expect((await leadsTo.evaluateAll((els) => els.map((el) => el.getAttribute('data-edge')))).sort(), n.id).toEqual(out.map(edgeKey).sort());
				for (const e of out) {
					const item = entry.locator(`li[data-edge="${edgeKey(e)}"]`);
					expect(await item.locator('a').first().getAttribute('href')).toBe(`#node-${e.to}`);
					expect(await item.textContent()).toContain(e.basis === 'stated' ? 'Stated in the sources' : 'Indicative');
					expect((await item.locator('.toc-evidence').textContent())!.replace(/\s+/g, ' ')).toContain(e.evidence.replace(/\s+/g, ' ').slice(0, 60));
				}
			}
		} finally {
			await close();
		}
	});

	test('a node is a link to its entry in the text version', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), { ...WIDE, javaScriptEnabled: false });
		try {
			await page.locator(`${DRAWING} a[data-node="pathway-improved-policy-making"]`).click();
			await page.waitForFunction(() => location.hash === '#node-pathway-improved-policy-making');
			expect(await page.locator('li#node-pathway-improved-policy-making').isVisible()).toBe(true);
			expect(await page.locator(':target').getAttribute('id')).toBe('node-pathway-improved-policy-making');
		} finally {
			await close();
		}
	});

	test.each([390, 320])('at %ipx: one column of steps, each with its stated links written out beneath it, and no drawing', async (width) => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), { viewport: { width, height: 800 }, javaScriptEnabled: false });
		try {
			expect(await page.locator('svg.toc-svg:visible').count()).toBe(0);
			const list = page.locator('[data-diagram-list]');
			expect(await list.isVisible()).toBe(true);
			expect((await list.locator('a[data-node]').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')))).sort()).toEqual(toc.nodes.map((n) => n.id).sort());
			// One column: every step starts at the same left edge, each below the one before.
			const boxes = await list.locator('a[data-node]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: Math.round(r.x), y: r.y })));
			expect(new Set(boxes.map((b) => b.x)).size).toBe(1);
			for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y);
			// Written-out links: the stated ones now; all of them with this site's reading.
			const listed = () => list.locator('li[data-edge]').evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).map((el) => el.getAttribute('data-edge')!).sort());
			expect(await listed()).toEqual(statedEdges.map(edgeKey).sort());
			await readingToggle(page).check();
			expect(await listed()).toEqual(toc.edges.map(edgeKey).sort());
			for (const e of indicativeEdges.slice(0, 3)) expect(await list.locator(`li[data-edge="${edgeKey(e)}"]`).innerText()).toContain('our reading');
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
		} finally {
			await close();
		}
	});
});

describe('/pathways/: what the research states, and this site’s reading', () => {
	test('loads showing only the stated links and switches to the full reading: address updated, announced', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('pathways/'), WIDE);
		try {
			expect(await drawnEdges(page)).toEqual(statedEdges.map(edgeKey).sort());
			await readingToggle(page).check();
			expect(await drawnEdges(page)).toEqual(toc.edges.map(edgeKey).sort());
			expect(new URL(page.url()).searchParams.get('reading')).toBe('1');
			await announced(page, `this site’s reading: ${indicativeEdges.length} links`);

			await readingToggle(page).uncheck();
			expect(await drawnEdges(page)).toEqual(statedEdges.map(edgeKey).sort());
			expect(new URL(page.url()).search).toBe('');
			await announced(page, 'only what the research states');
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('?reading=1 opens on this site’s reading, and choosing a step keeps both in the address', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/?reading=1'), WIDE);
		try {
			expect(await readingToggle(page).isChecked()).toBe(true);
			expect(await drawnEdges(page)).toEqual(toc.edges.map(edgeKey).sort());
			await page.locator(`${DRAWING} a[data-node="activity-convening"]`).click();
			// The step's address is written once the diagram's interactive part has loaded (on first use).
			await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toBe('#node-activity-convening');
			expect(new URL(page.url()).searchParams.get('reading')).toBe('1');
		} finally {
			await close();
		}
	});

	test('a highlight follows only the links drawn', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), WIDE);
		try {
			const node = page.locator(`${DRAWING} a[data-node="outcome-increased-funding"]`);
			await node.hover();
			await page.waitForFunction(() => document.querySelector('svg.toc-svg--horizontal')?.classList.contains('has-highlight'));
			expect(await litEdges(page)).toEqual(expectedPaths('outcome-increased-funding', statedEdges));
			await page.mouse.move(1, 1);
			await readingToggle(page).check();
			await node.hover();
			await page.waitForFunction(() => document.querySelector('svg.toc-svg--horizontal .toc-edge.is-on-path'));
			expect(await litEdges(page)).toEqual(expectedPaths('outcome-increased-funding'));
		} finally {
			await close();
		}
	});
});

describe('/pathways/ with the keyboard', () => {
	test('Tab reaches every node once, stage by stage and top to bottom, after the choice of view', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), WIDE);
		try {
			await readingToggle(page).focus();
			const order: string[] = [];
			for (let i = 0; i < toc.nodes.length; i++) {
				await page.keyboard.press('Tab');
				order.push((await focusedNode(page))!);
			}
			expect([...order].sort()).toEqual(toc.nodes.map((n) => n.id).sort());
			const stageOf = (id: string) => STAGES.indexOf(toc.nodes.find((n) => n.id === id)!.stage);
			expect(order.map(stageOf)).toEqual(order.map(stageOf).sort((a, b) => a - b));
			// Within a column, top to bottom. Positions come from the drawing's own coordinates, not
			// the window's, so scrolling as focus moves cannot change them.
			const boxes = await page.locator(DRAWING).evaluate(
				(svg, ids) =>
					ids.map((id) => {
						const box = svg.querySelector(`a[data-node="${id}"] .toc-node-box`)!;
						return { x: Number(box.getAttribute('x')), y: Number(box.getAttribute('y')) };
					}),
				order,
			);
			let sameColumn = 0;
			for (let i = 1; i < order.length; i++) {
				if (boxes[i]!.x !== boxes[i - 1]!.x) continue;
				sameColumn++;
				expect(boxes[i]!.y, order[i]).toBeGreaterThan(boxes[i - 1]!.y);
			}
			// Each column is reached in one run: every step but the first of its column follows one above it.
			expect(sameColumn).toBe(order.length - new Set(boxes.map((b) => b.x)).size);
			await page.keyboard.press('Tab');
			expect(await focusedNode(page)).toBeNull();
		} finally {
			await close();
		}
	});

	test('focus highlights every path through a node, Enter shows its details beside the drawing, Escape clears', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('pathways/?reading=1'), WIDE);
		const target = 'outcome-statutory-insight';
		try {
			await readingToggle(page).focus();
			while ((await focusedNode(page)) !== target) {
				await page.keyboard.press('Tab');
				expect(await focusedNode(page), 'Tab reached the end of the diagram').not.toBeNull();
			}
			const node = page.locator(`${DRAWING} a[data-node="${target}"]`);
			expect(await node.locator('.toc-node-ring').evaluate((el) => getComputedStyle(el).stroke)).toBe('rgb(255, 191, 71)');

			await page.waitForFunction(() => document.querySelector('svg.toc-svg--horizontal')?.classList.contains('has-highlight'));
			const expected = expectedPaths(target);
			expect(await litEdges(page)).toEqual(expected);
			expect(expected).toContain('activity-advocacy--outcome-statutory-insight');
			expect(expected).not.toContain('activity-advocacy--outcome-policymaking');
			expect(await page.locator(`${DRAWING} a[data-node="outcome-policymaking"]`).getAttribute('class')).not.toContain('is-on-path');
			expect(await node.getAttribute('class')).toContain('is-chosen');

			await page.keyboard.press('Enter');
			const panel = page.locator('[data-details-panel]');
			expect(await panel.isVisible()).toBe(true);
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe(target);
			expect(await panelEntry(page).locator('.toc-details-title').textContent()).toContain(toc.nodes.find((n) => n.id === target)!.label);
			// Beside the drawing, and in view with the step.
			const [drawing, box] = [(await page.locator(DRAWING).boundingBox())!, (await panel.boundingBox())!];
			expect(box.x).toBeGreaterThanOrEqual(drawing.x + drawing.width);
			await untilInView(page, panel, 'top');
			await untilInView(page, node, 'top');
			const sources = await panelEntry(page).locator('.toc-entry-desc .source-line').allTextContents();
			expect(sources.join(' ')).toContain('‘Headlines’');
			expect(await panelEntry(page).locator('li[data-edge]').evaluateAll((els) => els.map((el) => el.getAttribute('data-edge')).sort())).toEqual(
				toc.edges.filter((e) => e.from === target || e.to === target).map(edgeKey).sort(),
			);
			expect(new URL(page.url()).hash).toBe(`#node-${target}`);
			expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-details-panel'))).toBe(true);
			expect(await node.getAttribute('aria-current')).toBe('true');
			await announced(page, 'selected');

			await page.keyboard.press('Escape');
			expect(await visibility(panel)).toEqual({ found: 1, shown: 0 });
			expect(await litEdges(page)).toEqual([]);
			expect(new URL(page.url()).hash).toBe('');
			expect(new URL(page.url()).searchParams.get('reading')).toBe('1');
			expect(await node.getAttribute('aria-current')).toBeNull();
			expect(await focusedNode(page)).toBe(target);
			expect(await litEdges(page)).toEqual([]);
			await page.keyboard.press('Tab');
			expect((await litEdges(page)).length).toBeGreaterThan(0);
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});
});

describe('/pathways/ on a phone (390px)', () => {
	test('a tap on a step shows its details directly under it, on the same screen; "Back to the diagram" returns focus to the step', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('pathways/'), PHONE);
		const chunkLoaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/pathway-diagram\.[^/]*\.js$/.test(r.name)));
		try {
			// The steps start below the first screen, so the interactive code has not been fetched.
			expect(await chunkLoaded()).toBe(false);
			const step = page.locator('[data-diagram-list] a[data-node="activity-advocacy"]');
			await step.tap();
			const panel = page.locator('[data-details-panel]');
			await panel.waitFor({ state: 'visible' });
			expect(await chunkLoaded()).toBe(true);
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe('activity-advocacy');
			// Directly under the step: the next thing after it, and both on the screen.
			expect(await step.evaluate((el) => el.nextElementSibling?.hasAttribute('data-details-panel'))).toBe(true);
			const [s, p] = [(await step.boundingBox())!, (await panel.boundingBox())!];
			expect(s.y).toBeGreaterThanOrEqual(0);
			expect(p.y).toBeGreaterThanOrEqual(s.y + s.height);
			expect(p.y).toBeLessThan(844 / 2);
			expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-details-panel'))).toBe(true);
			await announced(page, 'under it');

			await page.getByRole('button', { name: 'Back to the diagram' }).first().tap();
			expect(await visibility(panel)).toEqual({ found: 1, shown: 0 });
			expect(await focusedNode(page)).toBe('activity-advocacy');
			expect(await step.evaluate((el) => el === document.activeElement && el.closest('[data-diagram-list]') !== null)).toBe(true);
			await untilInView(page, step);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('from the keyboard: Enter opens the details under the step, Escape goes back to it', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), { viewport: { width: 390, height: 844 } });
		try {
			await readingToggle(page).focus();
			await page.keyboard.press('Tab');
			const first = (await focusedNode(page))!;
			expect(await page.locator(`[data-diagram-list] a[data-node="${first}"]`).evaluate((el) => el === document.activeElement)).toBe(true);
			await page.keyboard.press('Enter');
			await page.locator('[data-details-panel]').waitFor({ state: 'visible' });
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe(first);
			expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-details-panel'))).toBe(true);
			await page.keyboard.press('Escape');
			expect(await focusedNode(page)).toBe(first);
			expect(await visibility(page.locator('[data-details-panel]'))).toEqual({ found: 1, shown: 0 });
		} finally {
			await close();
		}
	});
});

describe('/pathways/ with a pointer and by link', () => {
	test('/pathways/#node-<id> opens with that node selected, highlighted and in view', async () => {
		const target = 'pathway-improved-policy-making';
		const { page, problems, close } = await openPage(browser, siteUrl(`pathways/?reading=1#node-${target}`), WIDE);
		try {
			await page.waitForFunction(() => document.querySelector('[data-details-panel]:not([hidden])'));
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe(target);
			const node = page.locator(`${DRAWING} a[data-node="${target}"]`);
			expect(await node.getAttribute('aria-current')).toBe('true');
			expect(await litEdges(page)).toEqual(expectedPaths(target));
			await untilInView(page, node);
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('hover highlights, leaving clears, a click selects and a link in the panel moves the selection', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/?reading=1'), WIDE);
		try {
			const node = (id: string) => page.locator(`${DRAWING} a[data-node="${id}"]`);
			await node('activity-convening').hover();
			await page.waitForFunction(() => document.querySelector('svg.toc-svg--horizontal .toc-edge.is-on-path'));
			expect(await litEdges(page)).toEqual(expectedPaths('activity-convening'));
			await page.mouse.move(1, 1);
			expect(await litEdges(page)).toEqual([]);

			await node('outcome-diversity').click();
			await page.mouse.move(1, 1);
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe('outcome-diversity');
			expect(new URL(page.url()).hash).toBe('#node-outcome-diversity');
			expect(await litEdges(page)).toEqual(expectedPaths('outcome-diversity'));

			await panelEntry(page).locator('a[data-node-link="pathway-community-trust-empowerment-belonging"]').first().click();
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe('pathway-community-trust-empowerment-belonging');
			expect(new URL(page.url()).hash).toBe('#node-pathway-community-trust-empowerment-belonging');
			await page.getByRole('button', { name: 'Back to the diagram' }).first().click();
			expect(await page.locator('[data-details-panel]').count()).toBe(1);
			expect(await visibility(page.locator('[data-details-panel]'))).toEqual({ found: 1, shown: 0 });
			expect(await litEdges(page)).toEqual([]);
			expect(await focusedNode(page)).toBe('pathway-community-trust-empowerment-belonging');
		} finally {
			await close();
		}
	});
});

test('labels fit inside their boxes as Chromium renders them, in the drawing and the small diagrams', async () => {
	for (const [path, options, count] of [
		['pathways/', WIDE, toc.nodes.length],
		['findings/5-local-knowledge/', WIDE, undefined],
		['findings/7-three-outcome-pathways/', NARROW, undefined],
		['', WIDE, toc.nodes.length],
	] as const) {
		const { page, close } = await openPage(browser, siteUrl(path), options);
		try {
			const misfits = await page.locator('svg.toc-svg:visible .toc-node').evaluateAll((nodes) =>
				nodes.flatMap((node) => {
					const box = (node.querySelector('.toc-node-box') as SVGRectElement).getBBox();
					const text = (node.querySelector('.toc-node-label') as SVGTextElement).getBBox();
					const inside = text.x >= box.x && text.y >= box.y && text.x + text.width <= box.x + box.width - 2 && text.y + text.height <= box.y + box.height;
					return inside ? [] : [`${node.getAttribute('data-node')}: text ${Math.round(text.width)} wide in a ${box.width} box`];
				}),
			);
			expect(misfits, `/${path} at ${options.viewport.width}px`).toEqual([]);
			const drawn = await page.locator('svg.toc-svg:visible .toc-node').count();
			if (count) expect(drawn).toBe(count);
			else expect(drawn).toBeGreaterThan(0);
		} finally {
			await close();
		}
	}
});

test('at 200% zoom (640 CSS pixels on a 1280 screen) the one-column list shows, nothing wider than the screen', async () => {
	const { page, close } = await openPage(browser, siteUrl('pathways/'), { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
	try {
		expect(await page.locator('[data-diagram-list]').isVisible()).toBe(true);
		expect(await page.locator('svg.toc-svg:visible').count()).toBe(0);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
	} finally {
		await close();
	}
});

test('the home page’s overview draws only what the research states', async () => {
	const { page, close } = await openPage(browser, siteUrl(''), WIDE);
	try {
		const svg = page.locator('figure.toc-diagram--overview svg.toc-svg:visible');
		expect(await svg.locator('.toc-node').count()).toBe(toc.nodes.length);
		expect((await svg.locator('.toc-edge').count())).toBe(statedEdges.length);
		expect(await page.locator('figure.toc-diagram--overview a[href$="/pathways/?reading=1"]').isVisible()).toBe(true);
	} finally {
		await close();
	}
});

describe('small diagrams', () => {
	const activityOf = (fn: string) => toc.nodes.find((n) => n.function === fn)!.id;

	test.each(readMdx('findings').map((f) => [`findings/${f.data.number}-${f.data.slug}/`, f] as const))('/%s shows only the finding’s own steps and the routes between them, and says so', async (path, f) => {
		const { page, problems, close } = await openPage(browser, siteUrl(path), WIDE);
		try {
			expect(allProblems(problems)).toEqual([]);
			const figure = page.locator('figure.toc-diagram--mini');
			const own = [...(f.data.functions as string[]).map(activityOf), ...(f.data.pathways as string[])].sort();
			// Its own steps, and every step on a route from one of them to another, by plain search.
			const between = new Set(own);
			for (const n of toc.nodes) if (own.some((a) => downstream(a).has(n.id) && own.some((b) => downstream(n.id).has(b)))) between.add(n.id);
			if (!own.length) {
				expect(await figure.locator('svg').count()).toBe(0);
				return;
			}
			const svg = figure.locator('svg.toc-svg');
			expect(await svg.isVisible()).toBe(true);
			expect(await svg.getAttribute('role')).toBe('img');
			expect(await svg.locator('.is-chosen').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')).sort())).toEqual(own);
			expect(await svg.locator('.toc-node').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')).sort())).toEqual([...between].sort());
			const desc = (await page.locator(`#${await svg.getAttribute('aria-describedby')}`).textContent())!;
			for (const id of own) expect(desc).toContain(toc.nodes.find((n) => n.id === id)!.label);
			expect(await figure.locator('figcaption').textContent()).toMatch(/Only this finding’s/);
			// An image, not a set of controls, and the full diagram is a link away.
			expect(await svg.locator('a, [tabindex]').count()).toBe(0);
			expect(await figure.locator('a[href$="/pathways/"]').isVisible()).toBe(true);
			expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('pathway-diagram')))).toBe(false);
		} finally {
			await close();
		}
	});

	test('finding 1’s small diagram highlights only its own steps, the five activities, with no links', async () => {
		const { page, close } = await openPage(browser, siteUrl('findings/1-no-agreed-definition/'), WIDE);
		try {
			const svg = page.locator('figure.toc-diagram--mini svg.toc-svg');
			const activities = toc.nodes.filter((n) => n.stage === 'activity').map((n) => n.id).sort();
			expect(await svg.locator('.toc-node').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')).sort())).toEqual(activities);
			expect(await svg.locator('.is-chosen').count()).toBe(activities.length);
			expect(await svg.locator('.toc-edge').count()).toBe(0);
			expect(await page.locator('figure.toc-diagram--mini figcaption').textContent()).toContain('no link is drawn');
		} finally {
			await close();
		}
	});

	test('a function page shows its activity and the steps downstream of it, nothing else', async () => {
		const { page, close } = await openPage(browser, siteUrl('functions/advocacy/'), WIDE);
		try {
			const svg = page.locator('figure.toc-diagram--mini svg.toc-svg');
			expect(await svg.locator('.is-chosen').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')))).toEqual(['activity-advocacy']);
			const drawn = await svg.locator('.toc-node').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')).sort());
			expect(drawn).toEqual(['activity-advocacy', ...downstream('activity-advocacy')].sort());
		} finally {
			await close();
		}
	});

	test('at 320px the small diagram fits the screen', async () => {
		const { page, close } = await openPage(browser, siteUrl('findings/5-local-knowledge/'), NARROW);
		try {
			const box = (await page.locator('figure.toc-diagram--mini svg.toc-svg').boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(320);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		} finally {
			await close();
		}
	});
});

test('the interactive layer is small and loaded only where the full diagram is', async () => {
	const { page, close } = await openPage(browser, siteUrl('pathways/'), WIDE);
	try {
		await page.locator('.toc-layout').scrollIntoViewIfNeeded();
		await page.waitForFunction(() => !document.querySelector('[data-diagram-hint]')?.hasAttribute('hidden'));
		const scripts = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.filter((r) => r.name.endsWith('.js'))
				.map((r) => ({ name: r.name, bytes: (r as PerformanceResourceTiming).decodedBodySize })),
		);
		const diagram = scripts.filter((s) => /pathway-diagram|DiagramScript/.test(s.name));
		expect(diagram.length).toBeGreaterThanOrEqual(2);
		expect(diagram.reduce((sum, s) => sum + s.bytes, 0)).toBeLessThan(9_000);
		// No D3 in the browser: the drawing is done at build time.
		expect(scripts.some((s) => /d3/i.test(s.name))).toBe(false);
	} finally {
		await close();
	}
});

/*
 * tests/browser/every-page.test.ts runs axe on every page as loaded (and /pathways/ with a node
 * selected) at the default width; these add the states and widths only this feature has:
 * this site's reading, a node selected with it, and the phone layouts.
 */
describe('axe', () => {
	const cases = [
		['pathways/?reading=1', 1280],
		['pathways/?reading=1#node-outcome-increased-funding', 1280],
		['pathways/', 390],
		// On a phone the details open on a tap (a link to a step lands on the text version).
		['pathways/?reading=1', 390, 'activity-advocacy'],
		['findings/1-no-agreed-definition/', 390],
	] as const;
	// One visit per case: every rule in the light scheme, then the colour rules in the dark one
	// (colours are all a change of scheme can break).
	test.each(cases)('/%s at %ipx: no violations in the light scheme, nor of the colour rules in the dark', async (path, width, tap?: string) => {
		const { page, close } = await openPage(browser, siteUrl(path), { viewport: { width, height: 900 } });
		try {
			if (tap) await page.locator(`[data-diagram-list] a[data-node="${tap}"]`).click();
			if (path.includes('#node-') || tap) await page.waitForFunction(() => document.querySelector('[data-details-panel]:not([hidden])'));
			expect(await axeViolations(page, `/${path} at ${width}px (light)`)).toEqual([]);
			await page.emulateMedia({ colorScheme: 'dark' });
			expect(await axeViolations(page, `/${path} at ${width}px (dark)`, COLOUR_RULES)).toEqual([]);
		} finally {
			await close();
		}
	});
});
