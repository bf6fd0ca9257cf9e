/**
 * The interactive layer of the theory-of-change diagram, loaded on demand by
 * pathway-diagram-loader.ts. The diagram is already complete HTML and SVG; this only:
 *
 * - highlights every path through a node (upstream and downstream) while it is hovered or
 *   focused, dimming the rest;
 * - on click or Enter, keeps that highlight, shows the node's pre-rendered details under the
 *   diagram and puts `#node-<id>` in the address bar, so the view can be linked to;
 * - clears on Escape (or the panel's Close button);
 * - opens with a node selected when the page is loaded at `#node-<id>`.
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

export function enhance(root: HTMLElement): DiagramController {
	const panel = root.querySelector<HTMLElement>('[data-details-panel]');
	const hint = root.querySelector<HTMLElement>('[data-diagram-hint]');
	const nodeEls = [...root.querySelectorAll<SVGAElement>('a[data-node]')];
	const edgeEls = [...root.querySelectorAll<SVGGElement>('[data-edge]')].filter((el) => el.closest('svg'));
	const svgs = [...root.querySelectorAll<SVGSVGElement>('svg.toc-svg')];
	// Each svg draws every link once; one svg's links are the graph.
	const links: Link[] = edgeEls.filter((el) => el.closest('svg') === svgs[0]).map((el) => ({ from: el.dataset.from!, to: el.dataset.to! }));
	const ids = new Set(nodeEls.map((el) => el.dataset.node!));
	const label = (id: string) => nodeEls.find((el) => el.dataset.node === id)?.getAttribute('aria-label') ?? id;

	let selected: string | null = null;
	let transient: string | null = null;
	/** A node whose focus should not highlight (focus was put back on it by Escape). */
	let quiet: string | null = null;

	function render() {
		const id = transient ?? selected;
		const lit = id ? pathsThrough(links, [id]) : null;
		for (const svg of svgs) svg.classList.toggle('has-highlight', !!lit);
		for (const el of nodeEls) {
			const node = el.dataset.node!;
			el.classList.toggle('is-on-path', !!lit?.nodes.has(node));
			el.classList.toggle('is-chosen', node === id);
		}
		for (const el of edgeEls) el.classList.toggle('is-on-path', !!lit?.edges.has(el.dataset.edge!));
	}

	/** The element for a node in the diagram that is showing (the other is display: none). */
	const visibleNode = (id: string) => nodeEls.find((el) => el.dataset.node === id && el.getClientRects().length > 0);

	function select(id: string, { focusPanel = false, reveal = false, updateHash = true } = {}) {
		if (!ids.has(id)) return;
		selected = id;
		quiet = null;
		render();
		for (const el of nodeEls) {
			if (el.dataset.node === id) el.setAttribute('aria-current', 'true');
			else el.removeAttribute('aria-current');
		}
		if (panel) {
			for (const entry of panel.querySelectorAll<HTMLElement>('[data-details-for]')) entry.hidden = entry.dataset.detailsFor !== id;
			panel.hidden = false;
			if (focusPanel) panel.focus();
			else if (reveal) panel.scrollIntoView({ block: 'start' });
		}
		if (updateHash) history.replaceState(history.state, '', `#node-${id}`);
		const count = pathsThrough(links, [id]).nodes.size - 1;
		announce(`${label(id)} selected: ${count} connected steps highlighted. Details are below the diagram.`);
	}

	function clear() {
		const was = selected;
		const focusBack = panel?.contains(document.activeElement) && was ? visibleNode(was) : undefined;
		selected = null;
		transient = null;
		render();
		for (const el of nodeEls) el.removeAttribute('aria-current');
		if (panel) panel.hidden = true;
		if (NODE_HASH.test(location.hash)) history.replaceState(history.state, '', location.pathname + location.search);
		if (focusBack) {
			quiet = was;
			focusBack.focus();
		} else if (document.activeElement instanceof SVGAElement && document.activeElement.dataset.node) {
			quiet = document.activeElement.dataset.node;
		}
		announce('Highlight cleared.');
	}

	const nodeOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<SVGAElement>('a[data-node]') : null);

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
				if (target.closest('[data-details-close]')) return clear();
				const node = nodeOf(target);
				// Links between steps inside the panel move the selection instead of scrolling away.
				const link = node ? null : target.closest<HTMLAnchorElement>('[data-details-panel] a[data-node-link]');
				const id = node?.dataset.node ?? link?.dataset.nodeLink;
				if (!id) return;
				event.preventDefault();
				// Keyboard activation (detail 0) takes focus to the details. A click or tap leaves
				// focus alone; in the stacked layout, where the details are a long way below the
				// node, it brings them into view.
				const keyboard = mouse.detail === 0;
				const stacked = node?.closest('svg')?.dataset.orientation === 'vertical';
				select(id, { focusPanel: keyboard || !!link, reveal: stacked });
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

	addEventListener('hashchange', () => {
		const match = NODE_HASH.exec(location.hash);
		if (match && ids.has(match[1]!)) select(match[1]!, { updateHash: false });
	});

	if (hint) hint.hidden = false;
	const initial = NODE_HASH.exec(location.hash);
	if (initial && ids.has(initial[1]!)) {
		select(initial[1]!, { updateHash: false });
		// The browser scrolls to the node's entry in the text version (and keeps it there until
		// the page has loaded); the view being linked to is the diagram, so go there after that.
		const show = () => requestAnimationFrame(() => visibleNode(initial[1]!)?.scrollIntoView({ block: 'center', behavior: 'instant' }));
		if (document.readyState === 'complete') show();
		else addEventListener('load', show, { once: true });
	}

	return { replay: onEvent };
}
