/**
 * Filters on the evidence map: function, pathway and evidence level. The table is complete
 * without JavaScript; this shows the form, hides the rows that do not match, updates the
 * column totals to the rows shown, announces the count and keeps the choice in the address
 * (`?function=…&pathway=…&level=…`), so a filtered map can be linked to and reloaded.
 */
import { FILTER_KEYS, type MapFilters, countText, filtersFromSearch, matchesMapFilters, searchForFilters } from '../lib/diagram/evidence-map.ts';

const form = document.querySelector<HTMLFormElement>('[data-map-filter]');
const rows = [...document.querySelectorAll<HTMLTableRowElement>('[data-map-row]')];
const count = document.querySelector<HTMLElement>('[data-filter-count]');
const shownNote = document.querySelector<HTMLElement>('[data-map-shown]');

function current(): MapFilters {
	const data = new FormData(form!);
	return { function: String(data.get('function') ?? ''), pathway: String(data.get('pathway') ?? ''), level: String(data.get('level') ?? '') };
}

function apply({ announce = true } = {}) {
	const filters = current();
	const shown = rows.filter((row) => {
		const match = matchesMapFilters({ functions: row.dataset.functions?.split(' ').filter(Boolean) ?? [], pathways: row.dataset.pathways?.split(' ').filter(Boolean) ?? [], level: row.dataset.level ?? '' }, filters);
		row.hidden = !match;
		return match;
	});
	// Column totals follow the rows shown.
	for (const cell of document.querySelectorAll<HTMLElement>('[data-total]')) {
		const source = cell.dataset.total!;
		const of = (support: string) => shown.filter((row) => row.querySelector(`td[data-source="${source}"]`)?.getAttribute('data-support') === support).length;
		cell.querySelector('[data-total-states]')!.textContent = String(of('states'));
		cell.querySelector('[data-total-bears]')!.textContent = String(of('bears'));
	}
	if (shownNote) shownNote.textContent = shown.length === rows.length ? '(all twelve shown)' : `(of the ${shown.length} shown)`;
	// The live region announces a change; on load the count is written without being read out.
	if (count) {
		if (!announce) count.removeAttribute('aria-live');
		count.textContent = countText(shown.length, rows.length);
		if (!announce) queueMicrotask(() => count.setAttribute('aria-live', 'polite'));
	}
	history.replaceState(history.state, '', `${location.pathname}${searchForFilters(location.search, filters)}${location.hash}`);
}

if (form) {
	const allowed = Object.fromEntries(FILTER_KEYS.map((key) => [key, [...form.querySelectorAll<HTMLOptionElement>(`select[name="${key}"] option`)].map((o) => o.value)])) as Record<keyof MapFilters, string[]>;
	const wanted = filtersFromSearch(location.search, allowed);
	for (const key of FILTER_KEYS) form.querySelector<HTMLSelectElement>(`select[name="${key}"]`)!.value = wanted[key];
	form.hidden = false;
	form.addEventListener('change', () => apply());
	form.addEventListener('submit', (e) => e.preventDefault());
	apply({ announce: false });
}
