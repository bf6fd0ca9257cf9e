/**
 * axe-core as every browser test should run it: the WCAG 2.2 A/AA rules the site brief names,
 * and violations as readable lines ("rule (impact) on /page: selector: what is wrong") so a
 * failing assertion says what to fix without a re-run.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe tags each rule with the version that added it). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every WCAG A/AA violation on the page as it is now, one line per failing element. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
	// Only violations are wanted; skipping the detail of passes and incomplete checks saves time.
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] }).analyze();
	return results.violations.flatMap((v) =>
		v.nodes.map((n) => {
			const why = n.failureSummary?.replace(/^Fix (any|all) of the following:\s*/, '').replace(/\s+/g, ' ') ?? v.help;
			return `${v.id} (${v.impact ?? 'unknown'}) on ${label}: ${n.target.join(' ')}: ${why}`;
		}),
	);
}
