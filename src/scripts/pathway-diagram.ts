/**
 * The interactive layer of the theory-of-change diagram, loaded on demand by
 * pathway-diagram-loader.ts. The diagram is already complete HTML and SVG; this only:
 *
 * - highlights every path through a step (upstream and downstream) while it is hovered or
 *   focused, dimming the rest; only the links of the view showing count (what the research
 *   states, or that and this site's reading);
 * - on click, tap or Enter, keeps that highlight, shows the step's pre-rendered details and
 *   puts `#node-<id>` in the address, so the view can be linked to. On wide screens the
 *   details sit in the column beside the drawing; in the narrow list they open directly
 *   under the step. Focus moves into them (from the keyboard, and from a tap on the list);
 * - "Back to the diagram" or Escape closes the details and returns focus to the step;
 * - opens with a step selected when the page is loaded at `#node-<id>`.
 *
 * Paths are worked out by the same function the build uses for the small diagrams.
 */
import { type Link, pathsThrough } from '../lib/diagram/paths.ts';
import { announce } from './announce.ts';

const NODE_HASH = /^#node-(.+)$/;

export interface DiagramController {
	/** Handle an event that arrived before the script had loaded. */
	replay(event: Event): void;
}

interface EdgeLink extends Link {
	stated: boolean;
}

export function enhance(root: HTMLElement): DiagramController {
	const panel = root.querySelector<HTMLElement>('[data-details-panel]');
	const home = root.querySelector<HTMLElement>('[data-details-home]');
	const placeholder = root.querySelector<HTMLElement>('[data-details-placeholder]');
	const hint = root.querySelector<HTMLElement>('[data-diagram-hint]');
	const toggle = root.querySelector<HTMLInputElement>('[data-reading-toggle]');
	const nodeEls = [...root.querySelectorAll<HTMLElement | SVGAElement>('a[data-node]')];
	const svg = root.querySelector<SVGSVGElement>('svg.toc-svg');
	const edgeEls = svg ? [...svg.querySelectorAll<SVGGElement>('[data-edge]')] : [];
	const allLinks: EdgeLink[] = edgeEls.map((el) => ({ from: el.dataset.from!, to: el.dataset.to!, stated: el.classList.contains('is-stated') }));
	const ids = new Set(nodeEls.map((el) => el.dataset.node!));
	const labelOf = (id: string) => nodeEls.find((el) => el.dataset.node === id)?.textContent?.replace(/\s+/g, ' ').trim() ?? id;
	/** The links of the view showing. */
	const links = () => (toggle?.checked ? allLinks : allLinks.filter((l) => l.stated));

	let selected: string | null = null;
	let transient: string | null = null;
	/** A node whose focus should not highlight (focus was put back on it by Escape). */
	let quiet: string | null = null;

	function render() {
		const id = transient ?? selected;
		const lit = id ? pathsThrough(links(), [id]) : null;
		svg?.classList.toggle('has-highlight', !!lit);
		for (const el of nodeEls) {
			const node = el.dataset.node!;
			el.classList.toggle('is-on-path', !!lit?.nodes.has(node));
			el.classList.toggle('is-chosen', node === id);
		}
		for (const el of edgeEls) el.classList.toggle('is-on-path', !!lit?.edges.has(el.dataset.edge!));
	}

	/** The element for a node in the layout that is showing (the other is display: none). */
	const visibleNode = (id: string) => nodeEls.find((el) => el.dataset.node === id && el.getClientRects().length > 0);
	/** In the narrow list, the item a node's details open under. */
	const listItem = (id: string) => {
		const el = visibleNode(id);
		return el && !(el instanceof SVGElement) ? el.closest<HTMLElement>('[data-node-item]') : null;
	};

	/** Put the panel where it belongs for the layout showing: beside the drawing, or under the step. */
	function place(id: string | null) {
		if (!panel) return;
		const item = id ? listItem(id) : null;
		if (item) {
			const link = item.querySelector('a[data-node]');
			if (link && link.nextElementSibling !== panel) link.after(panel);
		} else if (home && panel.parentElement !== home) home.append(panel);
	}

	function select(id: string, { focusPanel = false, reveal = false, updateHash = true, scroll = true } = {}) {
		if (!ids.has(id)) return;
		selected = id;
		quiet = null;
		render();
		for (const el of nodeEls) {
			if (el.dataset.node === id) el.setAttribute('aria-current', 'true');
			else el.removeAttribute('aria-current');
		}
		const underStep = !!listItem(id);
		if (panel) {
			place(id);
			for (const entry of panel.querySelectorAll<HTMLElement>('[data-details-for]')) entry.hidden = entry.dataset.detailsFor !== id;
			panel.hidden = false;
			if (placeholder) placeholder.hidden = true;
			if (underStep) {
				// The step at the top of the screen, its details straight under it.
				if (scroll) listItem(id)!.scrollIntoView({ block: 'start', behavior: 'instant' });
				if (focusPanel) panel.focus({ preventScroll: true });
			} else {
				panel.scrollTop = 0;
				if (panel.parentElement) panel.parentElement.scrollTop = 0;
				if (focusPanel) panel.focus({ preventScroll: true });
				if (reveal) panel.scrollIntoView({ block: 'nearest' });
				// Near the foot of the drawing the sticky column has reached the end of its row
				// and ridden up: bring its top (the step's title) back into the window.
				const side = panel.closest<HTMLElement>('.toc-side') ?? panel;
				const top = side.getBoundingClientRect().top;
				if (top < 0) scrollBy({ top: top - 16, behavior: 'instant' });
			}
		}
		if (updateHash) history.replaceState(history.state, '', `${location.pathname}${location.search}#node-${id}`);
		const count = pathsThrough(links(), [id]).nodes.size - 1;
		announce(`${labelOf(id)} selected${count ? `: ${count} connected ${count === 1 ? 'step' : 'steps'} highlighted` : ''}. Its details are ${underStep ? 'under it' : 'beside the diagram'}.`);
	}

	function clear({ returnFocus = false } = {}) {
		const was = selected;
		const focusBack = was && (returnFocus || panel?.contains(document.activeElement)) ? visibleNode(was) : undefined;
		selected = null;
		transient = null;
		render();
		for (const el of nodeEls) el.removeAttribute('aria-current');
		if (panel) panel.hidden = true;
		if (placeholder) placeholder.hidden = false;
		if (NODE_HASH.test(location.hash)) history.replaceState(history.state, '', location.pathname + location.search);
		if (focusBack) {
			quiet = was;
			focusBack.focus({ preventScroll: true });
			focusBack.scrollIntoView({ block: 'nearest', behavior: 'instant' });
		} else if (document.activeElement instanceof Element && document.activeElement.matches('a[data-node]')) {
			quiet = (document.activeElement as HTMLElement).dataset.node ?? null;
		}
		announce('Details closed.');
	}

	const nodeOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement | SVGAElement>('a[data-node]') : null);

	function onEvent(event: Event) {
		switch (event.type) {
			case 'pointerover':
			case 'focusin': {
				const node = nodeOf(event.target);
				if (!node) return;
				if (event.type === 'focusin' && node.dataset.node === quiet) return;
				quiet = null;
				transient = node.dataset.node!;
				render();
				return;
			}
			case 'pointerout':
			case 'focusout': {
				const node = nodeOf(event.target);
				const next = (event as FocusEvent | PointerEvent).relatedTarget;
				if (!node || nodeOf(next) === node) return;
				transient = null;
				render();
				return;
			}
			case 'click': {
				const mouse = event as MouseEvent;
				if (mouse.button !== 0 || mouse.metaKey || mouse.ctrlKey || mouse.shiftKey || mouse.altKey) return;
				const target = event.target as Element;
				if (target.closest('[data-details-close]')) return clear({ returnFocus: true });
				const node = nodeOf(target);
				// Links between steps inside the panel move the selection instead of scrolling away.
				const link = node ? null : target.closest<HTMLAnchorElement>('[data-details-panel] a[data-node-link]');
				const id = node?.dataset.node ?? link?.dataset.nodeLink;
				if (!id) return;
				event.preventDefault();
				// Keyboard activation (detail 0) takes focus into the details, and so does a tap in
				// the narrow list, where the details open under the step. A click on the wide
				// drawing leaves focus where it is: the details are beside it.
				const keyboard = mouse.detail === 0;
				const inList = !!node && !(node instanceof SVGElement);
				select(id, { focusPanel: keyboard || inList || !!link, reveal: !!link });
				return;
			}
			case 'keydown':
				if ((event as KeyboardEvent).key === 'Escape' && (selected || transient)) {
					event.preventDefault();
					clear();
				}
				return;
		}
	}
	for (const type of ['pointerover', 'pointerout', 'focusin', 'focusout', 'click', 'keydown']) root.addEventListener(type, onEvent);

	toggle?.addEventListener('change', render);

	// Crossing between the wide and narrow layouts moves the open details with the step.
	matchMedia('(min-width: 75em)').addEventListener('change', () => {
		if (!selected) return;
		place(selected);
	});

	addEventListener('hashchange', () => {
		const match = NODE_HASH.exec(location.hash);
		// A link in the text version goes to the step's entry there; keep the reader where they are.
		if (match && ids.has(match[1]!)) select(match[1]!, { updateHash: false, scroll: false });
	});

	if (hint) hint.hidden = false;
	const initial = NODE_HASH.exec(location.hash);
	// On the one-column list (phones), a link to a step already lands on its entry in the text
	// version, which says what the details would; opening them under the step on load would push
	// the page about after it was painted. A tap opens them as usual.
	if (initial && ids.has(initial[1]!) && !listItem(initial[1]!)) {
		select(initial[1]!, { updateHash: false, scroll: false });
		// The browser scrolls to the node's entry in the text version (and keeps it there until
		// the page has loaded); the view being linked to is the diagram, so go there after that.
		const show = () =>
			requestAnimationFrame(() => {
				const item = listItem(initial[1]!);
				if (item) item.scrollIntoView({ block: 'start', behavior: 'instant' });
				else visibleNode(initial[1]!)?.scrollIntoView({ block: 'center', behavior: 'instant' });
			});
		if (document.readyState === 'complete') show();
		else addEventListener('load', show, { once: true });
	}

	return { replay: onEvent };
}
