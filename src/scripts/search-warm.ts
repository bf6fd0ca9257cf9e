/**
 * Warm the search page while a reader shows intent in a search box that leads to it (focus, a
 * keystroke, the pointer over it, a touch): prefetch what that page needs before it can search
 * (Pagefind's entry file, WebAssembly, metadata and script, and the page's own scripts: the
 * form's `data-search-warm`, filled in after the build). They are kept for a few minutes
 * (public/_headers), so the search page finds them in the cache, and its HTML and the index
 * files for the words (which its own early script fetches, src/scripts/search-early.ts) are the
 * only requests left. The index files are not prefetched here: that would take a request for
 * their table first, and a prefetch still running when the next page arrives is dropped.
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
	const warm = () => {
		if (warmed) return;
		warmed = true;
		for (const href of (header.dataset.searchWarm ?? '').split(/\s+/).filter(Boolean)) {
			const link = document.createElement('link');
			link.rel = 'prefetch';
			link.href = href;
			// The search page fetches these in CORS mode (module scripts, and Pagefind's fetch()): match that.
			link.crossOrigin = 'anonymous';
			document.head.append(link);
		}
	};
	const intent = (event: Event) => {
		if (event.target instanceof Element && event.target.closest(`form[role="search"][action="${action}"]`)) warm();
	};
	for (const type of ['focusin', 'pointerover', 'keydown', 'touchstart']) document.addEventListener(type, intent, { passive: true });
}

/** The inline script: startSearchWarm() as source. */
export function inlineSearchWarm(): string {
	return `(${startSearchWarm.toString()})()`;
}
