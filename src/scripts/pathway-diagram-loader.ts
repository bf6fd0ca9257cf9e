/**
 * Runs on /pathways/ at once, and is kept small:
 *
 * - the view: "Show this site's reading" follows `?reading=1` in the address when the page
 *   opens, and a change puts it there (history.replaceState, so Back still leaves the page)
 *   and is announced to screen readers;
 * - the interactive layer (pathway-diagram.ts, its own chunk) loads only when it can be used:
 *   when the page opens at `#node-<id>`, when the drawing comes near the viewport, or at the
 *   first pointer or focus on it, whichever is first. An event that starts the load is handed
 *   on once the code is there, so the first hover or click still works.
 */
import { searchForView, viewFromSearch } from '../lib/diagram/views.ts';
import { announce } from './announce.ts';

const TRIGGERS = ['pointerover', 'focusin', 'click'] as const;
const root = document.querySelector<HTMLElement>('[data-pathway-diagram]');

if (root) {
	const toggle = root.querySelector<HTMLInputElement>('[data-reading-toggle]');
	if (toggle) {
		// The address decides, not a checkbox state the browser restored from an earlier visit.
		toggle.checked = viewFromSearch(location.search) === 'reading';
		toggle.addEventListener('change', () => {
			const view = toggle.checked ? 'reading' : 'stated';
			history.replaceState(history.state, '', `${location.pathname}${searchForView(location.search, view)}${location.hash}`);
			const drawn = root.querySelectorAll('svg .toc-edge');
			const stated = root.querySelectorAll('svg .toc-edge.is-stated').length;
			const added = drawn.length - stated;
			announce(
				view === 'reading'
					? `Showing this site’s reading: ${added} ${added === 1 ? 'link' : 'links'}, drawn dashed${stated ? `, as well as the ${stated} the research states` : ''}.`
					: `Showing only what the research states: ${stated ? `${stated} ${stated === 1 ? 'link' : 'links'}` : 'the steps, without links'}.`,
			);
		});
	}

	const early: Event[] = [];
	let started = false;
	const onEarly = (event: Event) => {
		// Hold a click on a node until the code is here, rather than jumping to the text version.
		if (event.type === 'click' && (event.target as Element).closest('a[data-node]')) event.preventDefault();
		early.push(event);
		void load();
	};
	const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void load(), { rootMargin: '200px' });
	async function load() {
		if (started) return;
		started = true;
		observer.disconnect();
		const { enhance } = await import('./pathway-diagram.ts');
		const controller = enhance(root!);
		for (const type of TRIGGERS) root!.removeEventListener(type, onEarly);
		for (const event of early.splice(0)) controller.replay(event);
	}

	for (const type of TRIGGERS) root.addEventListener(type, onEarly);
	if (/^#node-/.test(location.hash)) void load();
	// The drawing (or list) itself, not the controls above it, which come into view much sooner.
	else observer.observe(root.querySelector('.toc-layout') ?? root);
}
