/**
 * Every HTML file of the build is valid by the W3C Nu HTML Checker (the `vnu-jar` package), as
 * well as by html-validate (html-validate.test.ts). The two disagree in useful ways: html-validate
 * and parse5 accepted a <script> after </html> that Nu reports as a stray start tag. Nu errors
 * and warnings both fail; its plain "info" notes do not. It needs a Java runtime (.ci/run
 * installs a headless one where `java` is missing).
 *
 * One Java run checks every file (the JVM starts once: about 10 s for the whole site, against
 * seconds per file), together with a planted page that must fail, so a checker that silently
 * checks nothing cannot pass.
 */
import { execFile, spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DIST } from './support/paths.ts';

const VNU_JAR: string = String(createRequire(import.meta.url)('vnu-jar'));
const JAVA = process.env.JAVA ?? 'java';

interface NuMessage {
	type: 'error' | 'info' | 'non-document-error';
	subType?: string;
	url?: string;
	message: string;
	extract?: string;
	firstLine?: number;
	lastLine?: number;
	firstColumn?: number;
	lastColumn?: number;
}

const files = globSync('**/*.html', { cwd: DIST }).sort();
const planted = mkdtempSync(join(tmpdir(), 'lcsi-vnu-'));
const PLANTED = join(planted, 'stray-script.html');
const byFile = new Map<string, string[]>();

const describe = (m: NuMessage) =>
	`${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${m.subType === 'warning' ? 'warning' : m.type}: ${m.message}${m.extract ? ` (…${m.extract.replace(/\s+/g, ' ').trim()}…)` : ''}`;

beforeAll(async () => {
	if (spawnSync(JAVA, ['-version']).error) {
		throw new Error(`No Java runtime ("${JAVA}" did not run): the W3C Nu checker needs one. Install a headless JRE (Debian/Ubuntu: apt-get install -y default-jre-headless; .ci/run does) or set JAVA to one.`);
	}
	writeFileSync(PLANTED, '<!doctype html><html lang="en"><head><title>t</title></head><body><p>x</p></body></html><script>1</script>\n');
	const paths = [...files.map((f) => resolve(DIST, f)), PLANTED];
	const stdout = await new Promise<string>((done, fail) =>
		// Exit status 1 only means "messages were reported"; the JSON says what they are.
		execFile(JAVA, ['-Xss8m', '-jar', VNU_JAR, '--format', 'json', '--stdout', ...paths], { maxBuffer: 64 * 1024 * 1024 }, (error, out, err) =>
			out.trim().startsWith('{') ? done(out) : fail(new Error(`vnu.jar failed: ${error?.message ?? ''}\n${err}`)),
		),
	);
	const { messages } = JSON.parse(stdout) as { messages: NuMessage[] };
	for (const m of messages) {
		// Plain info notes are advice, not faults; errors and warnings count.
		if (m.type === 'info' && m.subType !== 'warning') continue;
		const file = m.url ? decodeURIComponent(new URL(m.url).pathname) : '(no file)';
		byFile.set(file, [...(byFile.get(file) ?? []), describe(m)]);
	}
}, 180_000);

afterAll(() => rmSync(planted, { recursive: true, force: true }));

test('the checker runs and reports a script after </html> as an error', () => {
	expect(byFile.get(PLANTED)?.join('\n')).toMatch(/error: Stray start tag “script”/);
});

test.each(files)('%s has no W3C Nu errors or warnings', (file) => {
	expect(byFile.get(resolve(DIST, file)) ?? []).toEqual([]);
});

test('every message belongs to a checked file', () => {
	// A message the loop above cannot place (a crash, an unreadable file) would otherwise be lost.
	const known = new Set([...files.map((f) => resolve(DIST, f)), PLANTED]);
	expect([...byFile.keys()].filter((f) => !known.has(f))).toEqual([]);
});
