/**
 * The search page's first script. While Pagefind and the search script are still arriving, it
 * preloads the index files the words typed so far (or the words of a `?q=` link) will need, from
 * the table the build put in the page (src/lib/index-chunks.ts). When the search runs, Pagefind's own requests for them are answered
 * from these preloads instead of waiting a round trip of their own.
 *
 * It runs as a classic script inline in the page, right after the search box, so it listens from
 * the reader's first keystroke: a module script, even inline, would wait for the page's other
 * module scripts. The page writes it out with `inlineEarlyPreloads()`, so this function may use
 * nothing but its arguments and the browser's own objects.
 */
import { indexChunksFor, wordsToFetch } from '../lib/index-chunks.ts';
import type { SearchIndexPlan } from '../lib/index-chunks.ts';

export function startEarlyPreloads(chunksFor: typeof indexChunksFor, toFetch: typeof wordsToFetch, pagefindPath: string): void {
	const planned = document.querySelector('script[data-search-index]')?.textContent;
	const input = document.querySelector<HTMLInputElement>('[data-search-form] input[name="q"]');
	const plan: Partial<SearchIndexPlan> = planned ? JSON.parse(planned) : {};
	if (!input || !plan.chunks?.length) return;
	const chunks = plan.chunks;
	const stop = new Set(plan.stop);
	const asked = new Set<string>();
	const preload = (path: string) => {
		if (asked.has(path)) return;
		asked.add(path);
		const link = document.createElement('link');
		link.rel = 'preload';
		link.as = 'fetch';
		// As Pagefind fetches them (fetch(): CORS mode, same origin), so its requests match these.
		link.crossOrigin = 'anonymous';
		link.href = pagefindPath + path;
		document.head.append(link);
	};
	const warm = (typed: string) => {
		const words = toFetch(typed, stop);
		if (words.length === 0) return;
		for (const hash of chunksFor(words, chunks)) preload(`index/${hash}.pf_index`);
	};
	// A link with a search (the header box sends readers here with one) runs it as soon as the
	// search loads: fetch its words now (all finished, hence the space after them).
	warm(`${new URLSearchParams(location.search).get('q') ?? ''} `);
	input.addEventListener('input', () => warm(input.value));
}

/** The inline script: startEarlyPreloads() and the two functions it is given, as source. */
export function inlineEarlyPreloads(pagefindPath: string): string {
	return `(${startEarlyPreloads.toString()})(${indexChunksFor.toString()},${wordsToFetch.toString()},${JSON.stringify(pagefindPath)})`;
}
