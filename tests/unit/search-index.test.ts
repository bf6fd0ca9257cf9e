/**
 * The Pagefind indexing hook, with Pagefind mocked (as Starlight tests its own hook): it
 * indexes the output folder, writes the bundle into it, fails the build on any Pagefind
 * error or an empty index, and always stops Pagefind's service.
 */
import { beforeEach, expect, test, vi } from 'vitest';
import pagefind from '../../src/integrations/pagefind.ts';

const calls = vi.hoisted(() => ({
	addDirectory: vi.fn(),
	writeFiles: vi.fn(),
	createIndex: vi.fn(),
	close: vi.fn(),
}));
vi.mock('pagefind', () => ({ createIndex: calls.createIndex, close: calls.close }));

beforeEach(() => {
	vi.resetAllMocks();
	calls.createIndex.mockResolvedValue({ index: { addDirectory: calls.addDirectory, writeFiles: calls.writeFiles }, errors: [] });
	calls.addDirectory.mockResolvedValue({ errors: [], page_count: 33 });
	calls.writeFiles.mockResolvedValue({ errors: [], outputPath: '' });
	calls.close.mockResolvedValue(undefined);
});

async function runHook() {
	const info = vi.fn();
	const hook = pagefind().hooks['astro:build:done'] as (options: unknown) => Promise<void>;
	await hook({ dir: new URL('file:///tmp/site/'), logger: { info } });
	return info;
}

test('indexes the built site and writes the bundle into its pagefind/ folder', async () => {
	const info = await runHook();
	expect(calls.addDirectory).toHaveBeenCalledWith({ path: '/tmp/site/' });
	expect(calls.writeFiles).toHaveBeenCalledWith({ outputPath: '/tmp/site/pagefind' });
	expect(info).toHaveBeenCalledWith('Indexed 33 pages');
	expect(calls.close).toHaveBeenCalledOnce();
});

test.each([
	['Pagefind cannot start', () => calls.createIndex.mockResolvedValue({ index: undefined, errors: ['no binary'] }), /could not start: no binary/],
	['indexing reports errors', () => calls.addDirectory.mockResolvedValue({ errors: ['bad html'], page_count: 0 }), /indexing failed: bad html/],
	['no page has data-pagefind-body', () => calls.addDirectory.mockResolvedValue({ errors: [], page_count: 0 }), /no pages with data-pagefind-body/],
	['writing fails', () => calls.writeFiles.mockResolvedValue({ errors: ['disk full'] }), /could not write its index: disk full/],
])('fails the build when %s, and still stops Pagefind', async (_, arrange, message) => {
	arrange();
	await expect(runHook()).rejects.toThrow(message);
	expect(calls.close).toHaveBeenCalledOnce();
});
