/**
 * The search page's search, on Pagefind's JS API (not its default UI, so the markup stays
 * ours: a labelled box, filter selects, a plain results list). Loaded by search-page.ts only
 * once the reader starts to search; this module then fetches Pagefind itself.
 *
 * - The query and filters live in the URL (history.replaceState), so any search can be shared.
 * - The result count is announced through the shared polite live region once typing pauses.
 * - Arrow keys move between result links (and back up to the box); Tab is left alone.
 * - Escape in the box clears the search.
 */
import { announce } from './announce.ts';
import { type PagefindFragment, SEARCH_MARKS, filterValueLabel, shapeResult, statusMessage, type ShapedResult } from '../lib/search-results.ts';
import { FILTER_NAMES, type FilterName, type SearchState, hasSearch, readSearchState, searchStateToQuery } from '../lib/search-url.ts';
import { withBase } from '../lib/urls.ts';

type FilterCounts = Record<string, Record<string, number>>;

interface PagefindResult {
	id: string;
	data(): Promise<PagefindFragment>;
}

/** The parts of Pagefind's browser API used here. */
interface Pagefind {
	options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<FilterCounts>;
	search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[]; filters: FilterCounts }>;
}

/** Results shown at first and added by each "Show more". */
const PAGE_SIZE = 10;
/** Wait for typing to pause before searching, updating the URL and announcing. */
const TYPING_PAUSE_MS = 150;

let pagefind: Promise<Pagefind> | undefined;

/** Pagefind's bundle sits beside the site (dist/pagefind/), under the base path when there is one. */
function loadPagefind(): Promise<Pagefind> {
	pagefind ??= import(/* @vite-ignore */ withBase('/pagefind/pagefind.js')).then(async (module: Pagefind) => {
		// Result URLs are indexed from the site root; the base path makes them work under /lcsi/ too.
		await module.options({ baseUrl: import.meta.env.BASE_URL });
		await module.init();
		return module;
	});
	return pagefind;
}

export async function startSearch(form: HTMLFormElement): Promise<void> {
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	const filterBox = form.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
	const clearFilters = form.querySelector<HTMLButtonElement>('[data-search-clear-filters]')!;
	const selects = new Map(FILTER_NAMES.map((name) => [name, form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!]));
	const status = document.querySelector<HTMLElement>('[data-search-status]')!;
	const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
	const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;

	let run = 0;
	let pending: PagefindResult[] = [];
	let shownCount = 0;
	let shownQuery = '';
	let typingTimer: ReturnType<typeof setTimeout> | undefined;

	status.textContent = 'Loading search…';
	const api = await loadPagefind();
	const totals = await api.filters();

	// Filter options come from the index itself, so they always match what was indexed.
	for (const [name, select] of selects) {
		for (const value of Object.keys(totals[name] ?? {}).sort((a, b) => a.localeCompare(b))) {
			select.append(new Option(filterValueLabel(name, value), value));
		}
	}

	// Start from the URL; words typed while this module loaded win over an empty `q`.
	const initial = readSearchState(location.search);
	if (!initial.query && input.value) initial.query = input.value;
	input.value = initial.query;
	for (const [name, select] of selects) {
		const wanted = initial.filters[name];
		// A shared link may name a filter value the index no longer has: drop it rather than show nothing.
		select.value = wanted && [...select.options].some((o) => o.value === wanted) ? wanted : '';
	}
	// Open on wide screens, or when a filter is on; on a phone the results come first.
	filterBox.open = matchMedia('(min-width: 40rem)').matches || [...selects.values()].some((s) => s.value);
	filterBox.hidden = false;

	function currentState(): SearchState {
		const filters: SearchState['filters'] = {};
		for (const [name, select] of selects) if (select.value) filters[name] = select.value;
		return { query: input.value, filters };
	}

	function updateUrl(state: SearchState) {
		const query = searchStateToQuery(state);
		history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}`);
	}

	function showCounts(counts: FilterCounts) {
		for (const [name, select] of selects) {
			for (const option of select.options) {
				if (!option.value) continue;
				const count = counts[name]?.[option.value] ?? 0;
				option.textContent = `${filterValueLabel(name, option.value)} (${count})`;
			}
		}
	}

	function renderResult(result: ShapedResult, index: number): HTMLLIElement {
		const item = document.createElement('li');
		item.className = 'search-result';
		const kindId = `search-result-${index}-kind`;
		const kind = document.createElement('p');
		kind.className = 'search-result-kind';
		kind.id = kindId;
		kind.textContent = result.kind;
		const heading = document.createElement('h2');
		heading.className = 'search-result-title';
		const link = document.createElement('a');
		link.href = result.url;
		link.textContent = result.title;
		// Heading and link lists read the title alone; the description says what it is.
		link.setAttribute('aria-describedby', kindId);
		heading.append(link);
		item.append(kind, heading);
		if (result.excerpt) {
			const excerpt = document.createElement('p');
			excerpt.className = 'search-result-excerpt';
			excerpt.innerHTML = result.excerpt; // escaped by safeExcerpt(), only <mark> kept
			item.append(excerpt);
		}
		if (result.sections.length) {
			const sections = document.createElement('ul');
			sections.className = 'search-result-sections';
			sections.setAttribute('aria-label', `Matching sections of ${result.title}`);
			for (const section of result.sections) {
				const li = document.createElement('li');
				const a = document.createElement('a');
				a.href = section.url;
				a.textContent = section.title;
				const p = document.createElement('p');
				p.innerHTML = section.excerpt; // escaped by safeExcerpt(), only <mark> kept
				li.append(a, p);
				sections.append(li);
			}
			item.append(sections);
		}
		return item;
	}

	/** Append the next page of results; returns the first link added. */
	async function showMore(thisRun: number): Promise<HTMLAnchorElement | null> {
		const batch = pending.slice(shownCount, shownCount + PAGE_SIZE);
		const fragments = await Promise.all(batch.map((r) => r.data()));
		if (thisRun !== run) return null;
		const items = fragments.map((f, i) => renderResult(shapeResult(f, shownQuery), shownCount + i));
		list.append(...items);
		shownCount += items.length;
		list.hidden = shownCount === 0;
		more.hidden = shownCount >= pending.length;
		more.textContent = `Show more results (${shownCount} of ${pending.length} shown)`;
		return items[0]?.querySelector('a') ?? null;
	}

	async function search(state: SearchState) {
		const thisRun = ++run;
		updateUrl(state);
		clearFilters.hidden = !FILTER_NAMES.some((name) => state.filters[name]);
		if (!hasSearch(state)) {
			pending = [];
			shownCount = 0;
			list.replaceChildren();
			list.hidden = true;
			more.hidden = true;
			status.textContent = '';
			showCounts(totals);
			return;
		}
		performance.mark(SEARCH_MARKS.start, { detail: { query: state.query } });
		const words = state.query.trim();
		const filters = Object.fromEntries(FILTER_NAMES.flatMap((name: FilterName) => (state.filters[name] ? [[name, state.filters[name]]] : [])));
		const response = await api.search(words || null, { filters });
		if (thisRun !== run) return;
		pending = response.results;
		shownCount = 0;
		shownQuery = words;
		list.replaceChildren();
		await showMore(thisRun);
		if (thisRun !== run) return;
		showCounts(response.filters);
		const message = statusMessage(pending.length, state);
		status.textContent = message;
		announce(message);
		performance.mark(SEARCH_MARKS.rendered, { detail: { query: state.query, count: pending.length } });
	}

	function resultLinks(): HTMLAnchorElement[] {
		return [...list.querySelectorAll<HTMLAnchorElement>('a[href]')];
	}

	input.addEventListener('input', () => {
		clearTimeout(typingTimer);
		typingTimer = setTimeout(() => search(currentState()), TYPING_PAUSE_MS);
	});
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && input.value) {
			event.preventDefault();
			clearTimeout(typingTimer);
			input.value = '';
			search(currentState());
		} else if (event.key === 'ArrowDown') {
			const first = resultLinks()[0];
			if (first) {
				event.preventDefault();
				first.focus();
			}
		}
	});
	list.addEventListener('keydown', (event) => {
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		const links = resultLinks();
		const at = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (at === -1) return;
		event.preventDefault();
		const next = event.key === 'ArrowDown' ? links[Math.min(at + 1, links.length - 1)] : links[at - 1];
		(next ?? input).focus();
	});
	form.addEventListener('change', (event) => {
		if (event.target instanceof HTMLSelectElement) search(currentState());
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		clearTimeout(typingTimer);
		search(currentState());
	});
	clearFilters.addEventListener('click', () => {
		for (const select of selects.values()) select.value = '';
		search(currentState());
		input.focus();
	});
	more.addEventListener('click', async () => {
		const first = await showMore(run);
		first?.focus();
	});

	await search(currentState());
}
