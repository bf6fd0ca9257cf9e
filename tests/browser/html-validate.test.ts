/**
 * Every HTML file of the build is valid by html-validate's recommended rules, with the one
 * relaxation justified in .htmlvalidate.mjs. A failure lists file, line, column, rule and
 * element. It reads dist/ directly (no browser), but lives in the browser project because,
 * like the other tests there, it needs the built site.
 */
import { globSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type Message } from 'html-validate';
import { expect, test } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { DIST } from './support/paths.ts';

// The config is passed in rather than found by searching up from each file, so a build
// folder outside the checkout (LCSI_TEST_DIST=/tmp/...) is held to the same rules.
const validator = new HtmlValidate(new StaticConfigLoader(config));
const files = globSync('**/*.html', { cwd: DIST }).sort();

const describeMessage = (file: string, m: Message) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`;

test('the validator runs the recommended rules', async () => {
	// A guard against a config that silently validates nothing: these two are recommended-preset errors.
	const report = await validator.validateString('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><button>x</button><p id="x">a</p><p id="x">b</p></body></html>');
	expect(report.results[0]?.messages.map((m) => m.ruleId).sort()).toEqual(['no-dup-id', 'no-implicit-button-type']);
});

test.each(files)('%s is valid HTML', async (file) => {
	const report = await validator.validateFile(join(DIST, file));
	expect(report.results.flatMap((r) => r.messages.map((m) => describeMessage(file, m)))).toEqual([]);
});
