/**
 * Warm the search while a reader shows intent in the header's search box (focus, a first
 * keystroke, the pointer over it): prefetch Pagefind's script, WebAssembly and metadata, so
 * the search page they are about to open finds them in the cache. The addresses come from the
 * form's `data-search-warm` (filled in after indexing by src/integrations/pagefind.ts).
 */
let warmed = false;

export function warmSearch(form: HTMLElement): void {
	if (warmed) return;
	warmed = true;
	const urls = (form.dataset.searchWarm ?? '').split(/\s+/).filter(Boolean);
	for (const href of urls) {
		const link = document.createElement('link');
		link.rel = 'prefetch';
		link.href = href;
		// Pagefind fetches its files with fetch() and import() (CORS mode, same origin): match that.
		link.crossOrigin = 'anonymous';
		document.head.append(link);
	}
}

/** Warm on the first sign of intent on any of these forms, with the addresses `source` lists. */
export function warmOnIntent(forms: Iterable<HTMLElement>, source: HTMLElement): void {
	for (const form of forms) {
		const warm = () => warmSearch(source);
		for (const type of ['focusin', 'pointerenter', 'keydown', 'touchstart']) form.addEventListener(type, warm, { once: true, passive: true });
	}
}
