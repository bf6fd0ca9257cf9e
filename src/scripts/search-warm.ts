/**
 * Warm the search page while a reader shows intent in a search box that leads to it (focus, a
 * keystroke, the pointer over it, a touch):
 * - the search page's HTML, with a speculation rule: it is the same whatever the query, and says
 *   so (No-Vary-Search in public/_headers), so the copy fetched now serves /search/?q=… when the
 *   reader presses Enter, even while it is still arriving;
 * - what that page fetches before it can search (Pagefind's WebAssembly and script: the form's
 *   `data-search-warm`; the page carries the rest itself). They are kept for a few minutes
 *   (public/_headers), so the search page finds them in the cache. That pays off when they have arrived by the time the reader presses Enter, as
 *   they have for a reader who takes a second or so to type their words. A file still arriving
 *   then is lost: measured in Chromium, a download the page started is dropped when the reader
 *   leaves it (with `keepalive` or as `<link rel="prefetch">` too) and the next page fetches it
 *   again in full. So they are stopped as the search is sent, which leaves the connection to the
 *   search page's own HTML and files (BENCHMARKS.md, the home page's box).
 * The index files for the words are left to the search page's early script
 * (src/scripts/search-early.ts): fetching them here would first take a request for their table.
 *
 * It runs as a classic script inline, right after the header's form (SearchBox.astro), so it
 * listens from the first keystroke: the page's module scripts load at low priority after its
 * first paint, and a reader who types straight away would be done before they arrive. It
 * listens on the document, so boxes further down the page count too. Every page but the search
 * page carries it (that page loads all of this as it opens). The page writes it out
 * with `inlineSearchWarm()`, so this function may use nothing but the browser's own objects.
 */
export function startSearchWarm(): void {
	const header = document.querySelector<HTMLFormElement>('form[data-search-warm]');
	if (!header) return;
	const action = header.getAttribute('action');
	let warmed = false;
	const downloads = new AbortController();
	const warm = () => {
		if (warmed) return;
		warmed = true;
		if (HTMLScriptElement.supports?.('speculationrules')) {
			const rules = document.createElement('script');
			rules.type = 'speculationrules';
			rules.textContent = JSON.stringify({ prefetch: [{ source: 'list', urls: [header.action], expects_no_vary_search: 'params' }] });
			document.head.append(rules);
		}
		for (const href of (header.dataset.searchWarm ?? '').split(/\s+/).filter(Boolean))
			fetch(href, { priority: 'low', signal: downloads.signal } as RequestInit)
				.then((response) => response.arrayBuffer())
				.catch(() => undefined);
	};
	const intent = (event: Event) => {
		if (event.target instanceof Element && event.target.closest(`form[role="search"][action="${action}"]`)) warm();
	};
	for (const type of ['focusin', 'pointerover', 'keydown', 'touchstart']) document.addEventListener(type, intent, { passive: true });
	// Any form that leads to the search page: the reader is leaving for it now.
	document.addEventListener('submit', (event) => {
		if (event.target instanceof HTMLFormElement && event.target.getAttribute('action') === action) downloads.abort();
	});
}

/** The inline script: startSearchWarm() as source. */
export function inlineSearchWarm(): string {
	return `(${startSearchWarm.toString()})()`;
}
