/**
 * "Copy link to this text" for finding and report pages (the control comes from
 * TextFragmentLink.astro). When a selection inside the article is finished (pointer or key
 * released), a button appears just below its last line and copies a link to exactly that text.
 *
 * It stays out of the way of selecting: it never takes focus, never changes the selection,
 * appears only once the selection is made, disappears when the selection collapses or a new
 * one starts, and Escape dismisses it. It is inserted in the page right after the selected
 * block, so Tab from the selection reaches it next.
 */
import { buildTextDirective, textFragmentUrl } from '../lib/textFragment.ts';
import { announce } from './announce.ts';
import { copyText } from './copy-text.ts';

const LABEL = 'Copy link to this text';
const STATUS_MS = 2500;
/** Blocks whose text is searched for context: a directive's terms never cross them. */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, dd, dt, td, th, figcaption, caption, pre';
/** Parts of the article where a link to the text would make no sense. */
const EXCLUDED = 'aside, nav, form, svg, .cite-this, .copy-status, [data-text-fragment-link]';

const button = document.querySelector<HTMLButtonElement>('[data-text-fragment-link]');
const scope = button?.closest('article');
if (button && scope) setUp(button, scope);

function setUp(button: HTMLButtonElement, scope: Element) {
	const label = button.querySelector<HTMLElement>('[data-label]')!;
	// Parked outside the article while hidden, so its words never join a selection's context.
	document.body.append(button);
	let url: string | undefined;
	let pointerDown = false;
	let hideTimer: ReturnType<typeof setTimeout> | undefined;

	// The next Tab after a selection goes to the control, once: clicking into the page focuses
	// <main> (tabindex -1), so without this Tab would start again from the top of the content.
	let offeredFocus = false;

	/**
	 * Put the button in the page just after where the selection, as the reader made it, ends
	 * (a triple click ends it at the start of the next block): never inside the selection, and
	 * next in Tab order.
	 */
	const place = (raw: Range) => {
		const end = raw.endContainer;
		const block = elementOf(end)?.closest(BLOCKS);
		if (block && scope.contains(block)) {
			const host = block.closest('.heading-wrapper') ?? block;
			if (host.matches('li, dd, dt, td, th')) host.append(button);
			else host.after(button);
		} else if (end.nodeType === Node.ELEMENT_NODE && scope.contains(end)) {
			end.insertBefore(button, end.childNodes[raw.endOffset] ?? null);
		} else {
			scope.append(button);
		}
	};

	const hide = () => {
		clearTimeout(hideTimer);
		url = undefined;
		if (button.hidden) return;
		if (document.activeElement === button) button.blur();
		button.hidden = true;
		label.textContent = LABEL;
		document.body.append(button);
	};

	const update = () => {
		// Moving a focused button would drop its focus: leave it be while the reader is on it.
		if (document.activeElement === button) return;
		const selection = getSelection();
		const raw = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : undefined;
		const range = raw && trimmedRange(raw);
		if (!raw || !range || !scope.contains(range.commonAncestorContainer) || excluded(range.startContainer) || excluded(range.endContainer)) return hide();
		const startBlock = blockOf(range.startContainer, scope);
		const endBlock = blockOf(range.endContainer, scope);
		const directive = buildTextDirective({
			selected: range.toString(),
			before: textBetween(startBlock, 'start', range.startContainer, range.startOffset),
			after: textBetween(endBlock, 'end', range.endContainer, range.endOffset),
			pageText: document.body.innerText,
		});
		if (!directive) return hide();
		url = textFragmentUrl(location.href, directive, sectionIdBefore(scope, range.startContainer));
		show(range, raw);
	};

	const show = (range: Range, raw: Range) => {
		clearTimeout(hideTimer);
		label.textContent = LABEL;
		place(raw);
		offeredFocus = false;
		button.hidden = false;
		// Just below the selection's last line, lined up with its end, kept inside the window.
		const rects = range.getClientRects();
		const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
		const parent = (button.offsetParent ?? document.documentElement) as HTMLElement;
		const origin = parent.getBoundingClientRect();
		const width = button.offsetWidth;
		const left = Math.min(Math.max(last.right - width, 8), document.documentElement.clientWidth - width - 8);
		button.style.left = `${left - origin.left - parent.clientLeft}px`;
		button.style.top = `${last.bottom + 6 - origin.top - parent.clientTop}px`;
	};

	button.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection and the focus where they are
	button.addEventListener('click', async () => {
		if (!url) return;
		const copied = await copyText(url);
		if (!copied) history.replaceState(history.state, '', url);
		const status = copied ? 'Link to this text copied' : 'Link to this text is in the address bar';
		label.textContent = copied ? 'Link copied' : 'Link is in the address bar';
		announce(status);
		hideTimer = setTimeout(hide, STATUS_MS);
	});

	document.addEventListener('pointerdown', (event) => {
		if (button.contains(event.target as Node)) return;
		pointerDown = true;
		hide();
	});
	// The selection is final only after the pointer is released; read it on the next task.
	document.addEventListener('pointerup', () => {
		if (!pointerDown) return;
		pointerDown = false;
		setTimeout(update, 0);
	});
	document.addEventListener('keyup', (event) => {
		if (event.key !== 'Escape' && event.key !== 'Tab') update();
	});
	document.addEventListener('keydown', (event) => {
		if (button.hidden) return;
		if (event.key === 'Escape') hide();
		if (event.key === 'Tab' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !offeredFocus && document.activeElement !== button) {
			event.preventDefault();
			button.focus();
		}
	});
	button.addEventListener('focus', () => {
		offeredFocus = true;
	});
	document.addEventListener('selectionchange', () => {
		if (!pointerDown && getSelection()?.isCollapsed && document.activeElement !== button) hide();
	});
	window.addEventListener('resize', () => {
		if (!button.hidden) update();
	});
}

function elementOf(node: Node): Element | null {
	return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

function excluded(node: Node): boolean {
	return Boolean(elementOf(node)?.closest(EXCLUDED));
}

function blockOf(node: Node, scope: Element): Element {
	const block = elementOf(node)?.closest(BLOCKS);
	return block && scope.contains(block) ? block : scope;
}

/** The text of `block` before (`start`) or after (`end`) a boundary point inside it. */
function textBetween(block: Element, side: 'start' | 'end', node: Node, offset: number): string {
	const range = document.createRange();
	range.selectNodeContents(block);
	if (side === 'start') range.setEnd(node, offset);
	else range.setStart(node, offset);
	return range.toString();
}

/**
 * A triple click selects a paragraph with its end at the very start of the next block (and a
 * drag can start at the very end of the previous one). Trim the range to the text that is
 * really selected, so the block, context and position all belong to that text.
 */
function trimmedRange(range: Range): Range | undefined {
	const root = range.commonAncestorContainer;
	if (root.nodeType === Node.TEXT_NODE) return range.toString().trim() ? range : undefined;
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	let first: Text | undefined;
	let last: Text | undefined;
	for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
		if (!range.intersectsNode(node)) continue;
		const from = node === range.startContainer ? range.startOffset : 0;
		const to = node === range.endContainer ? range.endOffset : node.length;
		if (!node.data.slice(from, to).trim()) continue;
		first ??= node;
		last = node;
	}
	if (!first || !last) return undefined;
	const trimmed = document.createRange();
	trimmed.setStart(first, first === range.startContainer ? range.startOffset : 0);
	trimmed.setEnd(last, last === range.endContainer ? range.endOffset : last.length);
	return trimmed;
}

/** The id of the last h2/h3 before the selection: the link's fallback anchor. */
function sectionIdBefore(scope: Element, node: Node): string | undefined {
	let id: string | undefined;
	for (const heading of scope.querySelectorAll('h2[id], h3[id]')) {
		if (heading.contains(node) || heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) id = heading.id;
		else break;
	}
	return id;
}
