/**
 * Filters on the findings index: function, pathway and theme. The list and the
 * function/pathway table work without JavaScript; this only hides non-matching items,
 * announces the count and keeps the choice in the URL so it can be shared. The form is shown
 * by CSS wherever scripts run (no late reveal, so no layout shift).
 */
import { matchesFilters, type FindingFilters } from '../lib/findingsFilter.ts';

const form = document.querySelector<HTMLFormElement>('[data-findings-filter]');
const items = [...document.querySelectorAll<HTMLElement>('[data-findings-list] > li')];
const count = document.querySelector<HTMLElement>('[data-filter-count]');

function current(): FindingFilters {
	const data = new FormData(form!);
	return { function: String(data.get('function') ?? ''), pathway: String(data.get('pathway') ?? ''), theme: String(data.get('theme') ?? '') };
}

function apply() {
	const filters = current();
	let shown = 0;
	for (const item of items) {
		const match = matchesFilters(
			{ functions: item.dataset.functions?.split(' ') ?? [], pathways: item.dataset.pathways?.split(' ') ?? [], themes: item.dataset.themes?.split(' ') ?? [] },
			filters,
		);
		item.hidden = !match;
		if (match) shown++;
	}
	if (count) count.textContent = shown === items.length ? `Showing all ${shown} findings` : `Showing ${shown} of ${items.length} findings`;
	const url = new URL(location.href);
	for (const [key, value] of Object.entries(filters)) {
		if (value) url.searchParams.set(key, value);
		else url.searchParams.delete(key);
	}
	history.replaceState(history.state, '', url);
}

if (form) {
	const params = new URLSearchParams(location.search);
	for (const select of form.querySelectorAll('select')) {
		const wanted = params.get(select.name);
		if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
	}
	form.addEventListener('change', apply);
	form.addEventListener('submit', (e) => e.preventDefault());
	apply();
}
