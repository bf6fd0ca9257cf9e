/**
 * The search page's search, on Pagefind's JS API (not its default UI, so the markup stays
 * ours: a labelled box, filter selects, an answer box, a plain results list).
 *
 * - Readers ask questions: the content words are searched (src/lib/search-run.ts), and when a
 *   query asks one of the common questions, its answer comes first, then the results.
 * - It answers while you type: Pagefind is already loading when the page opens; each keystroke
 *   preloads the index for the words so far, and the search runs when typing pauses. Each
 *   result's kind, title and link show as soon as the search has run, from the records the page
 *   carries (src/lib/search-records.ts), which also hold the common questions' answers; its
 *   excerpt and matching sections follow when its text arrives. The filter options are
 *   filled once the first results are on screen (or when the filters are opened).
 * - The query and filters live in the URL (history.replaceState), so any search can be shared.
 * - After a search the reader asked for (a link or the header box, Enter, the button), focus
 *   moves to the result count, so Tab and the arrow keys reach the first result at once; while
 *   typing, focus stays in the box. The count is announced once typing pauses.
 * - Arrow keys move between result links (and back up to the box); Escape in the results goes
 *   back to the box, Escape in the box clears it. Tab is left alone.
 */
import { announce } from './announce.ts';
import { loadPagefind, type Pagefind, type PagefindResult } from './search-pagefind.ts';
import { ASKED_OVERLAP, type AnswerCard, QUESTION_KIND_LABELS, SEARCH_MARKS, filterValueLabel, pickAnswer, shapeResult, sortFilterValues, statusMessage, type ShapedResult } from '../lib/search-results.ts';
import { contentTerms, wordOverlap } from '../lib/search-query.ts';
import { runQuery } from '../lib/search-run.ts';
import { recordAsFragment, type SearchRecords } from '../lib/search-records.ts';
import type { PagefindFragment } from '../lib/search-results.ts';
import { FILTER_NAMES, type SearchState, hasSearch, readSearchState, searchStateToQuery } from '../lib/search-url.ts';
import { withBase } from '../lib/urls.ts';

type FilterCounts = Record<string, Record<string, number>>;

/**
 * Results shown at first and added by each "Show more". Each needs its page's text from the
 * index (2–5 KB); eight fill more than a screen and keep a first search under 150 KB.
 */
const PAGE_SIZE = 8;
/** Wait for typing to pause before searching, updating the URL and announcing. */
const TYPING_PAUSE_MS = 120;
/** How far down the question records a common question may be and still be offered as the answer (each costs under 1 KB). */
const ANSWER_FROM_TOP = 6;
/** Questions are records of their own in the index; they are offered as answers, not listed. */
const QUESTION_TYPE = 'question';

const STRENGTH_BARS: Record<string, number> = { strong: 3, moderate: 2, emerging: 1, mixed: 0 };

export interface StartOptions {
	/** Move focus to the result count after the first search (the reader arrived with a query). */
	focusResults?: boolean;
}

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function startSearch(form: HTMLFormElement, options: StartOptions = {}): Promise<void> {
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	const filterBox = form.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
	const clearFilters = form.querySelector<HTMLButtonElement>('[data-search-clear-filters]')!;
	const selects = new Map(FILTER_NAMES.map((name) => [name, form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!]));
	const output = document.querySelector<HTMLElement>('[data-search-output]')!;
	const status = document.querySelector<HTMLElement>('[data-search-status]')!;
	const answerBox = document.querySelector<HTMLElement>('[data-search-answer]')!;
	const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
	const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
	// Common questions and examples to start from, shown while there is no search.
	const start = document.querySelector<HTMLElement>('[data-search-start]');

	let run = 0;
	let pending: PagefindResult[] = [];
	let shownCount = 0;
	let shownQuery = '';
	let shownTerms: string[] = [];
	let typingTimer: ReturnType<typeof setTimeout> | undefined;
	let optionsFilled = false;

	// Start from the URL; words typed while this module loaded win over an empty `q`.
	const initial = readSearchState(location.search);
	if (!initial.query && input.value) initial.query = input.value;
	input.value = initial.query;
	const wantedFilters = { ...initial.filters };

	if (hasSearch(initial)) status.textContent = 'Searching…';
	const records: SearchRecords = JSON.parse(document.querySelector('[data-search-records]')?.textContent || '{}');
	/** A result as far as the page's records know it (no text yet), with the base path Pagefind would give its URL. */
	const known = (id: string): PagefindFragment | undefined => {
		const record = records[id];
		return record && recordAsFragment({ ...record, url: withBase(record.url) });
	};
	const questionTitles = Object.values(records).flatMap((r) => (r.meta.type === QUESTION_TYPE && r.meta.title ? [r.meta.title] : []));

	const api: Pagefind = await loadPagefind();
	// Pagefind fetches the filter data with the first search; reading it into the options
	// waits until the first results are shown, or the filters are opened.
	let allFilters: Promise<FilterCounts> | undefined;
	const loadFilters = (): Promise<FilterCounts> =>
		(allFilters ??= api
			.filters()
			.catch(() => ({}))
			.then((totals) => {
				fillOptions(totals);
				return totals;
			}));
	filterBox.addEventListener('toggle', () => filterBox.open && void loadFilters());

	/** Filter options come from the index itself, so they always match what was indexed. */
	function fillOptions(totals: FilterCounts) {
		if (optionsFilled || Object.keys(totals).length === 0) return;
		optionsFilled = true;
		for (const [name, select] of selects) {
			const values = Object.keys(totals[name] ?? {}).filter((v) => !(name === 'type' && v === QUESTION_TYPE));
			for (const value of sortFilterValues(name, values)) select.append(new Option(filterValueLabel(name, value), value));
			const wanted = wantedFilters[name];
			// A shared link may name a filter value the index no longer has: drop it rather than show nothing.
			select.value = wanted && [...select.options].some((o) => o.value === wanted) ? wanted : '';
		}
	}

	// Filters stay folded away unless one is on, so the first result is near the top of the screen.
	filterBox.open = Object.values(wantedFilters).some(Boolean);
	filterBox.hidden = false;

	function currentState(): SearchState {
		const filters: SearchState['filters'] = {};
		if (!optionsFilled) Object.assign(filters, wantedFilters);
		else for (const [name, select] of selects) if (select.value) filters[name] = select.value;
		return { query: input.value, filters };
	}

	function updateUrl(state: SearchState) {
		const query = searchStateToQuery(state);
		history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}`);
	}

	function showCounts(counts: FilterCounts) {
		for (const [name, select] of selects) {
			// A filter the search did not count (its values were still loading) keeps its options as they are.
			if (!counts[name]) continue;
			for (const option of select.options) {
				if (!option.value) continue;
				const count = counts[name]?.[option.value] ?? 0;
				option.textContent = `${filterValueLabel(name, option.value)} (${count})`;
				// An option that would find nothing is not offered (unless it is the one chosen).
				option.disabled = count === 0 && select.value !== option.value;
			}
		}
	}

	/** A result's kind, title and link; renderDetails() adds what needs its text. */
	function renderResult(item: HTMLLIElement, result: ShapedResult, index: number) {
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
		renderDetails(item, result);
		item.hidden = false;
	}

	/** The excerpt and matching sections, under a result already on screen (focus and links stay put). */
	function renderDetails(item: HTMLLIElement, result: ShapedResult) {
		if (result.excerpt) {
			const excerpt = document.createElement('p');
			excerpt.className = 'search-result-excerpt';
			excerpt.innerHTML = result.excerpt; // escaped by centredExcerpt()/safeExcerpt(), only <mark> kept
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
				li.append(a);
				if (section.excerpt) {
					const p = document.createElement('p');
					p.innerHTML = section.excerpt; // escaped, only <mark> kept
					li.append(p);
				}
				sections.append(li);
			}
			item.append(sections);
		}
	}

	function renderAnswer(card: AnswerCard | undefined) {
		answerBox.replaceChildren();
		answerBox.hidden = !card;
		if (!card) return;
		const label = document.createElement('p');
		label.className = 'search-answer-label';
		label.textContent = 'Common question';
		const heading = document.createElement('h2');
		heading.id = 'search-answer-heading';
		heading.className = 'search-answer-question';
		const link = document.createElement('a');
		link.href = card.url;
		link.textContent = card.question;
		heading.append(link);
		const answer = document.createElement('p');
		answer.className = 'search-answer-text';
		answer.textContent = card.answer;
		const foot = document.createElement('p');
		foot.className = 'search-answer-foot';
		foot.append(card.strength ? strengthBadge(card.strength) : kindNote(card.kind));
		if (card.readUrl) {
			const read = document.createElement('a');
			read.className = 'search-answer-read';
			read.href = withBase(card.readUrl);
			read.textContent = card.readUrl.startsWith('/findings/') ? 'Read the finding' : 'Read more';
			if (card.readLabel) {
				const what = document.createElement('span');
				what.className = 'sr-only';
				what.textContent = `: ${card.readLabel}`;
				read.append(what);
				read.title = card.readLabel;
			}
			foot.append(' ', read);
		}
		answerBox.append(label, heading, answer, foot);
		// A region named by its question (set here: the heading exists only once there is an
		// answer, and an empty <section> in the page would be a section without a heading).
		answerBox.setAttribute('role', 'region');
		answerBox.setAttribute('aria-labelledby', heading.id);
	}

	function strengthBadge(strength: string): HTMLElement {
		// The same badge as the finding pages (src/components/EvidenceBadge.astro): a shape and a word, never colour alone.
		const a = document.createElement('a');
		a.className = `evidence-badge evidence-${strength}`;
		a.href = withBase(`/about/evidence/#${strength}`);
		const bars = STRENGTH_BARS[strength] ?? 0;
		const svg =
			strength === 'mixed'
				? '<circle cx="9" cy="7" r="5.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M9 1.5 A5.5 5.5 0 0 1 9 12.5 Z" fill="currentColor"/>'
				: [0, 1, 2].map((i) => `<rect x="${1 + i * 6}" y="${10 - i * 4}" width="4" height="${3 + i * 4}" rx="0.5" fill="${i < bars ? 'currentColor' : 'none'}" stroke="currentColor" stroke-width="1"/>`).join('');
		a.innerHTML = `<svg aria-hidden="true" focusable="false" width="18" height="14" viewBox="0 0 18 14">${svg}</svg>`;
		const text = document.createElement('span');
		text.textContent = `Evidence: ${strength.charAt(0).toUpperCase()}${strength.slice(1)}`;
		a.append(text);
		return a;
	}

	function kindNote(kind: string): HTMLElement {
		const span = document.createElement('span');
		span.className = 'search-answer-kind';
		span.textContent = QUESTION_KIND_LABELS[kind] || 'Common question';
		return span;
	}

	/**
	 * Append the next page of results: each result's title and link at once when the page's
	 * records know it, its excerpt and sections when its text arrives (a result the records do
	 * not know waits for its text); `onFirst` gets the batch's first link as soon as it is on
	 * screen. Resolves once all are in.
	 */
	async function showMore(thisRun: number, ready: Promise<unknown> = Promise.resolve(), onFirst?: (link: HTMLAnchorElement) => void): Promise<void> {
		const batch = pending.slice(shownCount, shownCount + PAGE_SIZE);
		const start = shownCount;
		const items = batch.map(() => {
			const li = document.createElement('li');
			li.className = 'search-result';
			li.hidden = true;
			return li;
		});
		list.append(...items);
		shownCount += items.length;
		list.hidden = shownCount === 0;
		more.hidden = shownCount >= pending.length;
		more.textContent = `Show more results (${shownCount} of ${pending.length} shown)`;
		const text = batch.map((result) => result.data());
		const firstShown = () => {
			if (start === 0) performance.mark(SEARCH_MARKS.first, { detail: { query: shownQuery } });
			const link = items[0]?.querySelector('a');
			if (link) onFirst?.(link);
		};
		await ready;
		await yieldToBrowser();
		if (thisRun !== run) return;
		batch.forEach((result, i) => {
			const record = known(result.id);
			if (record) renderResult(items[i]!, shapeResult(record, shownQuery, shownTerms), start + i);
		});
		if (items[0] && !items[0].hidden) firstShown();
		await Promise.all(
			batch.map(async (result, i) => {
				const fragment = await text[i]!;
				if (thisRun !== run) return;
				const shaped = shapeResult(fragment, shownQuery, shownTerms);
				if (items[i]!.hidden) {
					renderResult(items[i]!, shaped, start + i);
					if (i === 0) firstShown();
				} else renderDetails(items[i]!, shaped);
			}),
		);
	}

	/**
	 * The common question this query asks, if any: from the question records near the top, and
	 * any question typed word for word (recognised from the `question` filter's values, which
	 * every search brings along, so only that one record is fetched).
	 */
	async function answerFor(query: string, terms: string[], filters: Record<string, unknown>): Promise<AnswerCard | undefined> {
		if (terms.length === 0 || filters.type) return undefined;
		const found = await runQuery(api, query, { ...filters, type: QUESTION_TYPE });
		const top = found.results.slice(0, ANSWER_FROM_TOP);
		// A question's answer is in the page's records; only one they lack is fetched.
		const fragments = await Promise.all(top.map((r) => known(r.id) ?? r.data()));
		const titles = questionTitles.length ? questionTitles : Object.keys((await loadFilters()).question ?? {});
		const typed = titles.find((title) => wordOverlap(query, title) >= ASKED_OVERLAP);
		if (typed && !fragments.some((f) => f.meta.title === typed)) {
			const exact = await api.search(null, { filters: { ...filters, type: QUESTION_TYPE, question: typed } });
			const first = exact.results[0];
			const fragment = first && (known(first.id) ?? (await first.data()));
			if (fragment) fragments.unshift(fragment);
		}
		return pickAnswer(
			fragments.map((fragment, rank) => ({ fragment, rank })),
			query,
			terms,
		);
	}

	async function search(state: SearchState, { focus = false } = {}) {
		const thisRun = ++run;
		updateUrl(state);
		clearFilters.hidden = !FILTER_NAMES.some((name) => state.filters[name]);
		if (start) start.hidden = hasSearch(state);
		if (!hasSearch(state)) {
			pending = [];
			shownCount = 0;
			list.replaceChildren();
			list.hidden = true;
			more.hidden = true;
			renderAnswer(undefined);
			status.textContent = '';
			return;
		}
		performance.mark(SEARCH_MARKS.start, { detail: { query: state.query } });
		const words = state.query.trim();
		const filters: Record<string, unknown> = Object.fromEntries(FILTER_NAMES.flatMap((name) => (state.filters[name] ? [[name, state.filters[name]]] : [])));
		// Questions are answered above the results, never listed among them.
		const listFilters = filters.type ? filters : { ...filters, type: { none: [QUESTION_TYPE] } };
		const terms = contentTerms(words);
		const found = await runQuery(api, words, listFilters);
		if (thisRun !== run) return;
		// Pagefind searches on this thread: let the browser paint and handle input between the
		// list's searches and the answer's, rather than in one long task.
		await yieldToBrowser();
		if (thisRun !== run) return;
		const answer = answerFor(words, words ? terms : [], filters).catch(() => undefined);
		pending = found.results;
		shownCount = 0;
		shownQuery = words;
		shownTerms = words ? found.terms : [];
		list.replaceChildren();
		const message = statusMessage(pending.length, state);
		status.textContent = message;
		// The answer box goes in before the results appear, so nothing moves under the reader.
		const card = answer.then((c) => {
			if (thisRun === run) {
				renderAnswer(c);
				if (c && !pending.length) performance.mark(SEARCH_MARKS.first, { detail: { query: shownQuery } });
			}
			return c;
		});
		await showMore(thisRun, card);
		const shownCard = await card;
		await loadFilters();
		if (thisRun !== run) return;
		showCounts(found.filters);
		announce(shownCard ? `${message} First, a common question: ${shownCard.question}` : message);
		if (focus) status.focus();
		performance.mark(SEARCH_MARKS.rendered, { detail: { query: state.query, count: pending.length, answered: Boolean(shownCard) } });
	}

	function resultLinks(): HTMLAnchorElement[] {
		return [...output.querySelectorAll<HTMLAnchorElement>('[data-search-answer]:not([hidden]) a[href], [data-search-results] a[href]')];
	}

	input.addEventListener('input', () => {
		clearTimeout(typingTimer);
		// Fetch the index for the words so far while the reader is still typing.
		const terms = contentTerms(input.value);
		if (terms.length) api.preload(terms.join(' ')).catch(() => undefined);
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
	output.addEventListener('keydown', (event) => {
		if (event.key === 'Escape') {
			event.preventDefault();
			input.focus();
			return;
		}
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		const links = resultLinks();
		if (document.activeElement === status) {
			if (event.key === 'ArrowDown' && links[0]) {
				event.preventDefault();
				links[0].focus();
			}
			return;
		}
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
		search(currentState(), { focus: true });
	});
	clearFilters.addEventListener('click', () => {
		for (const select of selects.values()) select.value = '';
		search(currentState());
		input.focus();
	});
	more.addEventListener('click', () => {
		void showMore(run, undefined, (first) => first.focus());
	});

	// Words typed while Pagefind loaded (before the input listener above existed) count too.
	initial.query = input.value;
	await search(initial, { focus: Boolean(options.focusResults && hasSearch(initial)) });
}
