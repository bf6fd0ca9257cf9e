/**
 * The theory-of-change diagrams in Chromium: /pathways/ with JavaScript off (the SVG and the
 * text version carry everything), the keyboard path through the interactive diagram (Tab
 * order, highlight, details, Escape), linking to a node, hover, the narrow layout at 320px
 * and 200% zoom, the small highlighted diagrams on finding and function pages, labels
 * fitting their boxes as really rendered, script weight, and axe in both colour schemes,
 * including with a node selected.
 *
 * Expected highlights are worked out here from content/theory-of-change.yaml by plain
 * reachability, not with the site's own path code.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readMdx, readYaml } from '../support/content-files.ts';
import { allProblems, launchBrowser, openPage, siteUrl } from './support/browser.ts';

interface TocYaml {
	nodes: { id: string; label: string; stage: string; function?: string; sources: { ref: string; section?: string }[] }[];
	edges: { from: string; to: string; basis: string; evidence: string }[];
}
const toc = readYaml<TocYaml>('theory-of-change.yaml');
const STAGES = ['activity', 'outcome', 'pathway', 'impact'];
const edgeKey = (e: { from: string; to: string }) => `${e.from}--${e.to}`;

/** Links on paths through one node: everything it reaches, everything that reaches it. */
function expectedPaths(id: string): string[] {
	const reach = (start: string, step: (e: TocYaml['edges'][number]) => [string, string]) => {
		const seen = new Set([start]);
		const links: string[] = [];
		for (let grew = true; grew; ) {
			grew = false;
			for (const e of toc.edges) {
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

const WIDE = { viewport: { width: 1280, height: 900 } };
const NARROW = { viewport: { width: 320, height: 800 } };
const VISIBLE_SVG = 'svg.toc-svg:visible';

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

const litEdges = (page: Page) => page.locator(`${VISIBLE_SVG} .toc-edge.is-on-path`).evaluateAll((els) => els.map((el) => el.getAttribute('data-edge')!).sort());
const focusedNode = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-node') ?? null);
const panelEntry = (page: Page) => page.locator('[data-details-panel] [data-details-for]:visible');

describe('/pathways/ with JavaScript off', () => {
	test('shows the full diagram as columns, with a title, a description and every node and link', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('pathways/'), { ...WIDE, javaScriptEnabled: false });
		try {
			expect(allProblems(problems)).toEqual([]);
			const svg = page.locator(VISIBLE_SVG);
			expect(await svg.count()).toBe(1);
			expect(await svg.getAttribute('data-orientation')).toBe('horizontal');
			expect(await svg.getAttribute('role')).toBe('group');
			const title = await page.locator(`#${await svg.getAttribute('aria-labelledby')}`).textContent();
			expect(title).toMatch(/^Theory of change/);
			expect(await page.locator(`#${await svg.getAttribute('aria-describedby')}`).textContent()).toContain(`${toc.nodes.length} steps`);
			expect((await svg.locator('a[data-node]').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')))).sort()).toEqual(toc.nodes.map((n) => n.id).sort());
			expect((await svg.locator('[data-edge]').evaluateAll((els) => els.map((el) => el.getAttribute('data-edge')))).sort()).toEqual(toc.edges.map(edgeKey).sort());
			// Indicative links are dashed, stated ones solid: the line style, not colour, says which.
			for (const e of toc.edges) {
				const dash = await svg.locator(`[data-edge="${edgeKey(e)}"] .toc-edge-line`).evaluate((el) => getComputedStyle(el).strokeDasharray);
				expect(dash === 'none', edgeKey(e)).toBe(e.basis === 'stated');
			}
			for (const stage of ['Activities', 'Outcomes', 'Pathways', 'Impacts']) expect(await svg.locator('.toc-stage-label', { hasText: stage }).isVisible()).toBe(true);
			// Both are in the page (for when the script runs) and hidden without it.
			for (const selector of ['[data-details-panel]', '[data-diagram-hint]']) {
				expect(await page.locator(selector).count(), selector).toBe(1);
				expect(await page.locator(selector).isVisible(), selector).toBe(false);
			}
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
			await page.locator(`${VISIBLE_SVG} a[data-node="pathway-improved-policy-making"]`).click();
			await page.waitForFunction(() => location.hash === '#node-pathway-improved-policy-making');
			expect(await page.locator('li#node-pathway-improved-policy-making').isVisible()).toBe(true);
			expect(await page.locator(':target').getAttribute('id')).toBe('node-pathway-improved-policy-making');
		} finally {
			await close();
		}
	});

	test('at 320px shows the stacked layout instead, with nothing wider than the screen', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), { ...NARROW, javaScriptEnabled: false });
		try {
			expect(await page.locator(VISIBLE_SVG).getAttribute('data-orientation')).toBe('vertical');
			expect(await page.locator('svg.toc-svg--horizontal').count()).toBe(1);
			expect(await page.locator('svg.toc-svg--horizontal').isVisible()).toBe(false);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		} finally {
			await close();
		}
	});
});

describe('/pathways/ with the keyboard', () => {
	test('Tab reaches every node once, stage by stage and top to bottom', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), WIDE);
		try {
			await page.locator('main .prose a').last().focus();
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
			const boxes = await page.locator(VISIBLE_SVG).evaluate(
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
			// Each stage is one column, so every step but the first of each stage follows one above it.
			expect(sameColumn).toBe(toc.nodes.length - STAGES.length);
			// The next Tab leaves the diagram.
			await page.keyboard.press('Tab');
			expect(await focusedNode(page)).toBeNull();
		} finally {
			await close();
		}
	});

	test('focus highlights every path through a node, Enter shows its details and sources, Escape clears', async () => {
		const { page, problems, close } = await openPage(browser, siteUrl('pathways/'), WIDE);
		const target = 'outcome-statutory-insight';
		try {
			await page.locator('main .prose a').last().focus();
			while ((await focusedNode(page)) !== target) {
				await page.keyboard.press('Tab');
				expect(await focusedNode(page), 'Tab reached the end of the diagram').not.toBeNull();
			}
			const node = page.locator(`${VISIBLE_SVG} a[data-node="${target}"]`);
			// The focus ring is drawn, in the site's focus colour.
			expect(await node.locator('.toc-node-ring').evaluate((el) => getComputedStyle(el).stroke)).toBe('rgb(255, 191, 71)');

			await page.waitForFunction(() => document.querySelector('svg.toc-svg--horizontal')?.classList.contains('has-highlight'));
			const expected = expectedPaths(target);
			expect(await litEdges(page)).toEqual(expected);
			expect(expected).toContain('activity-advocacy--outcome-statutory-insight');
			expect(expected).toContain('pathway-improved-policy-making--impact-stronger-place-based-systems');
			expect(expected).not.toContain('activity-advocacy--outcome-policymaking');
			// Nodes off the paths are dimmed; the focused one is marked as the one chosen.
			expect(await page.locator(`${VISIBLE_SVG} a[data-node="outcome-policymaking"]`).getAttribute('class')).not.toContain('is-on-path');
			expect(await node.getAttribute('class')).toContain('is-chosen');

			await page.keyboard.press('Enter');
			const panel = page.locator('[data-details-panel]');
			expect(await panel.isVisible()).toBe(true);
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe(target);
			expect(await panelEntry(page).locator('.toc-details-title').textContent()).toContain(toc.nodes.find((n) => n.id === target)!.label);
			// Its sources: NAVCA's briefing, at the two sections the data names.
			const sources = await panelEntry(page).locator('.toc-entry-desc .source').allTextContents();
			expect(sources.join(' ')).toContain('‘Impacts, benefits and costs’');
			expect(sources.join(' ')).toContain('‘Headlines’');
			expect(await panelEntry(page).locator('.toc-entry-desc .source a').first().getAttribute('href')).toBe(
				'https://www.navca.org.uk/news/dcms-research-shows-critical-role-of-local-infrastructure',
			);
			// Links in and out, with the evidence for each.
			expect(await panelEntry(page).locator('li[data-edge]').evaluateAll((els) => els.map((el) => el.getAttribute('data-edge')).sort())).toEqual(
				toc.edges.filter((e) => e.from === target || e.to === target).map(edgeKey).sort(),
			);
			expect(new URL(page.url()).hash).toBe(`#node-${target}`);
			expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-details-panel'))).toBe(true);
			expect(await node.getAttribute('aria-current')).toBe('true');
			await page.waitForFunction(() => document.getElementById('live-announcer')?.textContent?.includes('selected'));

			await page.keyboard.press('Escape');
			expect(await panel.isVisible()).toBe(false);
			expect(await litEdges(page)).toEqual([]);
			expect(await page.locator(`${VISIBLE_SVG}.has-highlight`).count()).toBe(0);
			expect(new URL(page.url()).hash).toBe('');
			expect(await node.getAttribute('aria-current')).toBeNull();
			// Focus goes back to the node, without highlighting it again.
			expect(await focusedNode(page)).toBe(target);
			expect(await litEdges(page)).toEqual([]);
			// Moving on highlights the next node.
			await page.keyboard.press('Tab');
			expect((await litEdges(page)).length).toBeGreaterThan(0);
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('in the stacked layout at 320px the script waits for use, and a tap brings the details into view', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), { ...NARROW, hasTouch: true });
		const chunkLoaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/pathway-diagram\.[^/]*\.js$/.test(r.name)));
		try {
			// The diagram starts well below the first screen, so its code has not been fetched.
			expect(await chunkLoaded()).toBe(false);
			await page.locator('svg.toc-svg--vertical a[data-node="activity-advocacy"]').tap();
			await untilInView(page, page.locator('[data-details-panel]'), 'top');
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe('activity-advocacy');
			expect(await chunkLoaded()).toBe(true);
			// Close goes back to the node.
			await page.locator('[data-details-close]').tap();
			expect(await focusedNode(page)).toBe('activity-advocacy');
		} finally {
			await close();
		}
	});

	test('the stacked layout at 320px works the same way', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), NARROW);
		try {
			await page.locator('main .prose a').last().focus();
			await page.keyboard.press('Tab');
			const first = (await focusedNode(page))!;
			expect(await page.locator(`svg.toc-svg--vertical a[data-node="${first}"]`).evaluate((el) => el === document.activeElement)).toBe(true);
			await page.waitForFunction(() => document.querySelector('svg.toc-svg--vertical')?.classList.contains('has-highlight'));
			expect(await litEdges(page)).toEqual(expectedPaths(first));
			await page.keyboard.press('Enter');
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe(first);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		} finally {
			await close();
		}
	});
});

describe('/pathways/ with a pointer and by link', () => {
	test('/pathways/#node-<id> opens with that node selected, highlighted and in view', async () => {
		const target = 'pathway-improved-policy-making';
		const { page, problems, close } = await openPage(browser, siteUrl(`pathways/#node-${target}`), WIDE);
		try {
			await page.waitForFunction(() => document.querySelector('[data-details-panel]:not([hidden])'));
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe(target);
			const node = page.locator(`${VISIBLE_SVG} a[data-node="${target}"]`);
			expect(await node.getAttribute('aria-current')).toBe('true');
			expect(await litEdges(page)).toEqual(expectedPaths(target));
			// Scrolled to the diagram (the browser itself goes to the text version's entry first).
			await untilInView(page, node);
			expect(allProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('hover highlights, leaving clears, a click selects and a link in the panel moves the selection', async () => {
		const { page, close } = await openPage(browser, siteUrl('pathways/'), WIDE);
		try {
			const node = (id: string) => page.locator(`${VISIBLE_SVG} a[data-node="${id}"]`);
			await node('activity-convening').hover();
			await page.waitForFunction(() => document.querySelector('svg.toc-svg--horizontal .toc-edge.is-on-path'));
			expect(await litEdges(page)).toEqual(expectedPaths('activity-convening'));
			await page.mouse.move(1, 1);
			expect(await litEdges(page)).toEqual([]);

			await node('outcome-diversity').click();
			await page.mouse.move(1, 1);
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe('outcome-diversity');
			expect(new URL(page.url()).hash).toBe('#node-outcome-diversity');
			// The selection stays lit once the pointer has gone.
			expect(await litEdges(page)).toEqual(expectedPaths('outcome-diversity'));

			await panelEntry(page).locator('a[data-node-link="pathway-community-trust-empowerment-belonging"]').first().click();
			expect(await panelEntry(page).getAttribute('data-details-for')).toBe('pathway-community-trust-empowerment-belonging');
			expect(new URL(page.url()).hash).toBe('#node-pathway-community-trust-empowerment-belonging');
			await page.locator('[data-details-close]').click();
			expect(await page.locator('[data-details-panel]').count()).toBe(1);
			expect(await page.locator('[data-details-panel]').isVisible()).toBe(false);
			expect(await litEdges(page)).toEqual([]);
		} finally {
			await close();
		}
	});
});

test('labels fit inside their boxes as Chromium renders them, in both layouts and the small diagram', async () => {
	for (const [path, options] of [
		['pathways/', WIDE],
		['pathways/', NARROW],
		['findings/5-local-knowledge/', WIDE],
	] as const) {
		const { page, close } = await openPage(browser, siteUrl(path), options);
		try {
			const misfits = await page.locator(`${VISIBLE_SVG} .toc-node`).evaluateAll((nodes) =>
				nodes.flatMap((node) => {
					const box = (node.querySelector('.toc-node-box') as SVGRectElement).getBBox();
					const text = (node.querySelector('.toc-node-label') as SVGTextElement).getBBox();
					const inside = text.x >= box.x && text.y >= box.y && text.x + text.width <= box.x + box.width - 2 && text.y + text.height <= box.y + box.height;
					return inside ? [] : [`${node.getAttribute('data-node')}: text ${Math.round(text.width)} wide in a ${box.width} box`];
				}),
			);
			expect(misfits, `/${path} at ${options.viewport.width}px`).toEqual([]);
			expect(await page.locator(`${VISIBLE_SVG} .toc-node`).count()).toBe(toc.nodes.length);
		} finally {
			await close();
		}
	}
});

test('at 200% zoom (640 CSS pixels on a 1280 screen) the stacked layout shows, at a readable size', async () => {
	const { page, close } = await openPage(browser, siteUrl('pathways/'), { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
	try {
		expect(await page.locator(VISIBLE_SVG).getAttribute('data-orientation')).toBe('vertical');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
		// Label text is drawn at 14 viewBox units; the layout is shown at least at full size.
		const scale = await page.locator(VISIBLE_SVG).evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
		expect(scale).toBeGreaterThanOrEqual(1);
	} finally {
		await close();
	}
});

describe('small diagrams', () => {
	const activityOf = (fn: string) => toc.nodes.find((n) => n.function === fn)!.id;

	test.each(readMdx('findings').map((f) => [`findings/${f.data.number}-${f.data.slug}/`, f] as const))('/%s highlights the finding’s functions and pathways', async (path, f) => {
		const { page, problems, close } = await openPage(browser, siteUrl(path), WIDE);
		try {
			expect(allProblems(problems)).toEqual([]);
			const svg = page.locator('figure.toc-diagram--mini svg.toc-svg');
			expect(await svg.isVisible()).toBe(true);
			expect(await svg.getAttribute('role')).toBe('img');
			const chosen = [...(f.data.functions as string[]).map(activityOf), ...(f.data.pathways as string[])].sort();
			expect(await svg.locator('.is-chosen').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')).sort())).toEqual(chosen);
			if (chosen.length) {
				expect(await svg.getAttribute('class')).toContain('has-highlight');
				const desc = (await page.locator(`#${await svg.getAttribute('aria-describedby')}`).textContent())!;
				for (const id of chosen) expect(desc).toContain(toc.nodes.find((n) => n.id === id)!.label);
				expect(await svg.locator('.toc-edge.is-on-path').count()).toBeGreaterThan(0);
			}
			// An image, not a set of controls: nothing in it takes focus, and the full diagram is a link away.
			expect(await svg.locator('a, [tabindex]').count()).toBe(0);
			expect(await page.locator('figure.toc-diagram--mini a[href$="/pathways/"]').isVisible()).toBe(true);
			// No diagram script on a reading page.
			expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('pathway-diagram')))).toBe(false);
		} finally {
			await close();
		}
	});

	test('a function page highlights its activity and everything downstream of it', async () => {
		const { page, close } = await openPage(browser, siteUrl('functions/advocacy/'), WIDE);
		try {
			const svg = page.locator('figure.toc-diagram--mini svg.toc-svg');
			expect(await svg.locator('.is-chosen').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')))).toEqual(['activity-advocacy']);
			const lit = await svg.locator('.toc-node.is-on-path').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')).sort());
			const downstream = new Set(expectedPaths('activity-advocacy').flatMap((k) => k.split('--')));
			expect(lit).toEqual([...downstream].sort());
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
		await page.waitForFunction(() => !document.querySelector('[data-diagram-hint]')?.hasAttribute('hidden'));
		const scripts = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.filter((r) => r.name.endsWith('.js'))
				.map((r) => ({ name: r.name, bytes: (r as PerformanceResourceTiming).decodedBodySize })),
		);
		const diagram = scripts.filter((s) => /pathway-diagram|DiagramScript/.test(s.name));
		expect(diagram.length).toBeGreaterThanOrEqual(2);
		expect(diagram.reduce((sum, s) => sum + s.bytes, 0)).toBeLessThan(8_000);
	} finally {
		await close();
	}
});

describe('axe', () => {
	const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
	const cases = [
		['pathways/', 'as loaded'],
		['pathways/#node-outcome-increased-funding', 'with a node selected'],
		['findings/5-local-knowledge/', 'as loaded'],
		['functions/convening/', 'as loaded'],
		['', 'as loaded'],
	] as const;
	for (const colorScheme of ['light', 'dark'] as const) {
		for (const width of [1280, 320]) {
			test.each(cases)(`/%s %s: no violations (${colorScheme}, ${width}px)`, async (path) => {
				const { page, close } = await openPage(browser, siteUrl(path), { viewport: { width, height: 900 }, colorScheme });
				try {
					if (path.includes('#node-')) await page.waitForFunction(() => document.querySelector('[data-details-panel]:not([hidden])'));
					const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
					expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary}`))).toEqual([]);
				} finally {
					await close();
				}
			});
		}
	}
});
