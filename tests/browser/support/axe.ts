/**
 * axe-core as every browser test should run it: the WCAG 2.2 A/AA rules the site brief names,
 * and violations as readable lines ("rule (impact) on /page: selector: what is wrong") so a
 * failing assertion says what to fix without a re-run.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe tags each rule with the version that added it). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The rules whose outcome depends on the colours: all a second colour scheme can change. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Every WCAG A/AA violation on the page as it is now, one line per failing element; or, with
 * `rules`, only those rules' violations.
 */
export async function axeViolations(page: Page, label: string, rules?: string[]): Promise<string[]> {
	// Only violations are wanted; skipping the detail of passes and incomplete checks saves time.
	const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
	const results = await (rules ? builder.withRules(rules) : builder.withTags(WCAG_TAGS)).analyze();
	return results.violations.flatMap((v) =>
		v.nodes.map((n) => {
			const why = n.failureSummary?.replace(/^Fix (any|all) of the following:\s*/, '').replace(/\s+/g, ' ') ?? v.help;
			return `${v.id} (${v.impact ?? 'unknown'}) on ${label}: ${n.target.join(' ')}: ${why}`;
		}),
	);
}
