/**
 * axe-core as every browser test should run it: the WCAG 2.2 A/AA rules the site brief names,
 * and violations as readable lines ("rule (impact) on /page: selector: what is wrong") so a
 * failing assertion says what to fix without a re-run.
 *
 * axe-core is injected into the page and run there directly. @axe-core/playwright's
 * AxeBuilder gives the same results but runs each frame separately and then merges them in a
 * blank tab it opens for the purpose: about 3 s a page here against 0.6 s, and the site has no
 * frames to merge (every-page.test.ts checks there are none).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe tags each rule with the version that added it). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The rules whose outcome depends on the colours: all a second colour scheme can change. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
	id: string;
	impact?: string | null;
	help: string;
	nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Every WCAG A/AA violation on the page as it is now, one line per failing element; or, with
 * `rules`, only those rules' violations.
 */
export async function axeViolations(page: Page, label: string, rules?: string[]): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const violations = await page.evaluate(
		async ({ rules, tags }) => {
			const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
			// Only violations are wanted; skipping the detail of passes and incomplete checks saves time.
			const results = await axe.run(document, { resultTypes: ['violations'], runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags } });
			return results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
		},
		{ rules, tags: WCAG_TAGS },
	);
	return violations.flatMap((v) =>
		v.nodes.map((n) => {
			const why = n.failureSummary?.replace(/^Fix (any|all) of the following:\s*/, '').replace(/\s+/g, ' ') ?? v.help;
			return `${v.id} (${v.impact ?? 'unknown'}) on ${label}: ${n.target.join(' ')}: ${why}`;
		}),
	);
}
