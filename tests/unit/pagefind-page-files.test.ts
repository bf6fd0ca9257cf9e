/**
 * The Pagefind files the search page carries (src/lib/pagefind-page-files.ts), the build step
 * that reads them from Pagefind's output (readPageFiles in src/integrations/pagefind.ts), and the
 * search page's script bundled into one module (bundledModule in src/lib/inline-script.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, expect, test, vi } from 'vitest';
import { readPageFiles } from '../../src/integrations/pagefind.ts';
import { bundledModule } from '../../src/lib/inline-script.ts';
import { PAGEFIND_FILES_PLACEHOLDER, fetchWithPageFiles, fillPagefindFiles } from '../../src/lib/pagefind-page-files.ts';
import { cbor } from '../support/cbor.ts';

const FOLDER = 'https://example.org/lcsi/pagefind/';
const base64 = (text: string) => Buffer.from(text).toString('base64');

test('a request for a carried file is answered from the page, with its bytes, and sends nothing', async () => {
	const network = vi.fn<typeof fetch>();
	const fetchFromPage = fetchWithPageFiles({ 'pagefind-entry.json?ts=en-gb_abc': base64('{"version":"1.6.0"}'), 'filter/en-gb_t.pf_filter': base64('\x1f\x8b bytes') }, FOLDER, network);
	expect(await (await fetchFromPage('/lcsi/pagefind/pagefind-entry.json?ts=en-gb_abc')).json()).toEqual({ version: '1.6.0' });
	// However Pagefind names it: absolute, relative to the folder, or as a Request.
	expect(new Uint8Array(await (await fetchFromPage(`${FOLDER}filter/en-gb_t.pf_filter`)).arrayBuffer())).toEqual(new Uint8Array(Buffer.from('\x1f\x8b bytes')));
	expect((await fetchFromPage(new Request(`${FOLDER}filter/en-gb_t.pf_filter`))).ok).toBe(true);
	expect(network).not.toHaveBeenCalled();
});

test('every other request goes to the network as it was made, the entry file at another address too', async () => {
	const answer = new Response('from the network');
	const network = vi.fn<typeof fetch>().mockResolvedValue(answer);
	const fetchFromPage = fetchWithPageFiles({ 'pagefind-entry.json?ts=en-gb_abc': base64('{}') }, FOLDER, network);
	const init = { priority: 'high' } as RequestInit;
	expect(await fetchFromPage('/lcsi/pagefind/index/en-gb_1.pf_index', init)).toBe(answer);
	expect(await fetchFromPage('/lcsi/pagefind/pagefind-entry.json?ts=1795963249473')).toBe(answer);
	expect(network.mock.calls).toEqual([['/lcsi/pagefind/index/en-gb_1.pf_index', init], ['/lcsi/pagefind/pagefind-entry.json?ts=1795963249473', undefined]]);
});

test('the files are written into the placeholder safely inside its script element', () => {
	const html = `<main></main>${PAGEFIND_FILES_PLACEHOLDER}<p>after</p>`;
	const filled = fillPagefindFiles(html, { 'a</script>b': 'QUJD' });
	expect(filled).not.toContain('a</script>b');
	const json = /<script type="application\/json" data-pagefind-files>(.*?)<\/script>/.exec(filled)![1]!;
	expect(JSON.parse(json)).toEqual({ 'a</script>b': 'QUJD' });
	expect(filled.endsWith('<p>after</p>')).toBe(true);
});

let outDir: string | undefined;
afterEach(() => outDir && rmSync(outDir, { recursive: true, force: true }));

test("the build carries Pagefind's entry file at the address Pagefind asks for, its metadata and the kind filter, byte for byte", async () => {
	outDir = mkdtempSync(join(tmpdir(), 'lcsi-page-files-'));
	const folder = join(outDir, 'pagefind');
	mkdirSync(join(folder, 'filter'), { recursive: true });
	// Pagefind's metadata: gzip, a signature, then CBOR [version, pages, chunks, filters, ...].
	const meta = gzipSync(Buffer.from([...Buffer.from('pagefind_dcd'), ...cbor(['1.6.0', [], [['0', 'zz', 'en-gb_a']], [['type', 'en-gb_t']], [], []])]));
	writeFileSync(join(folder, 'pagefind-entry.json'), '{"version":"1.6.0"}');
	writeFileSync(join(folder, 'pagefind.en-gb_abc.pf_meta'), meta);
	writeFileSync(join(folder, 'filter', 'en-gb_t.pf_filter'), 'filter bytes');
	expect(await readPageFiles(outDir, { hash: 'en-gb_abc', wasm: 'en-gb' })).toEqual({
		'pagefind-entry.json?ts=en-gb_abc': base64('{"version":"1.6.0"}'),
		'pagefind.en-gb_abc.pf_meta': meta.toString('base64'),
		'filter/en-gb_t.pf_filter': base64('filter bytes'),
	});
});

test("the search page's script is one module: its imports bundled in, the base path filled in, nothing that would end its element", () => {
	outDir = mkdtempSync(join(tmpdir(), 'lcsi-bundle-'));
	writeFileSync(join(outDir, 'shared.ts'), "export const closing = '</script>';\nexport const base: string = import.meta.env.BASE_URL;\n");
	writeFileSync(join(outDir, 'page.ts'), "import { base, closing } from './shared.ts';\ndocument.title = base + closing;\n");
	const code = bundledModule(join(outDir, 'page.ts'), '/lcsi/');
	expect(code).not.toMatch(/\bimport\b/);
	expect(code).toContain('"/lcsi/"');
	expect(code).not.toContain('</script');
	const title = { value: '' };
	new Function('document', code)({ set title(v: string) { title.value = v; } });
	expect(title.value).toBe('/lcsi/</script>');
});
