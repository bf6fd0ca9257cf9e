/**
 * "Copy link to this text" and "Copy quote" for finding and report pages (the controls come
 * from TextFragmentLink.astro). When a selection inside the article is finished (pointer or key
 * released), two buttons appear just below its last line: one copies a link to exactly that
 * text, the other copies the quote, that link and the source ("LCSI Evidence Explorer,
 * Finding 6", from the article's data-quote-source) in one go. On a finding the link uses its
 * short address (the article's data-short-url), /findings/6/#section:~:text=…, which keeps the
 * fragment when it moves on to the full page.
 *
 * It stays out of the way of selecting: it never takes focus, never changes the selection,
 * appears only once the selection is made, disappears when the selection collapses or a new
 * one starts, and Escape dismisses it. It is inserted in the page right after the selected
 * block, so Tab from the selection reaches it next.
 */
import { formatQuote } from '../lib/quote.ts';
import { buildTextDirective, textFragmentUrl, widenToWords } from '../lib/textFragment.ts';
import { announce } from './announce.ts';
import { copyText } from './copy-text.ts';

const LABEL = 'Copy link to this text';
const QUOTE_LABEL = 'Copy quote';
const STATUS_MS = 2500;
/** Blocks whose text is searched for context: a directive's terms never cross them. */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, dd, dt, td, th, figcaption, caption, pre';
/** Parts of the article where a link to the text would make no sense. */
const EXCLUDED = 'aside, nav, form, svg, .cite-this, .copy-status, .para-link, [data-text-fragment-tools]';
/** Inside a selection, what is not part of the quoted words: source markers and link icons. */
const NOT_QUOTED = '.note-ref, .para-link, .anchor-link, .sr-only, [data-text-fragment-tools]';

/**
 * Wire the controls (`tools`) to selections in `scope`, the article. Loaded by
 * text-fragment-loader.ts at the reader's first selection, which passes whether the pointer is
 * still down (a drag in progress) and then calls `update()` to offer the controls for it.
 */
export function setUp(tools: HTMLElement, scope: HTMLElement, state: { pointerDown: boolean } = { pointerDown: false }): { update(): void } {
	const linkButton = tools.querySelector<HTMLButtonElement>('[data-text-fragment-link]')!;
	const quoteButton = tools.querySelector<HTMLButtonElement>('[data-text-fragment-quote]')!;
	const label = linkButton.querySelector<HTMLElement>('[data-label]')!;
	const quoteLabel = quoteButton.querySelector<HTMLElement>('[data-label]')!;
	const source = scope.dataset.quoteSource ?? document.title;
	// Parked outside the article while hidden, so its words never join a selection's context.
	document.body.append(tools);
	let url: string | undefined;
	let quote: string | undefined;
	let pointerDown = state.pointerDown;
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
			if (host.matches('li, dd, dt, td, th')) host.append(tools);
			else host.after(tools);
		} else if (end.nodeType === Node.ELEMENT_NODE && scope.contains(end)) {
			end.insertBefore(tools, end.childNodes[raw.endOffset] ?? null);
		} else {
			scope.append(tools);
		}
	};

	const hide = () => {
		clearTimeout(hideTimer);
		url = undefined;
		quote = undefined;
		if (tools.hidden) return;
		if (focusInside()) (document.activeElement as HTMLElement).blur();
		tools.hidden = true;
		label.textContent = LABEL;
		quoteLabel.textContent = QUOTE_LABEL;
		document.body.append(tools);
	};

	const focusInside = () => tools.contains(document.activeElement);

	const update = () => {
		// Moving a focused button would drop its focus: leave it be while the reader is on it.
		if (focusInside()) return;
		const selection = getSelection();
		const raw = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : undefined;
		const trimmed = raw && trimmedRange(raw);
		const range = trimmed && clearOfMarkers(trimmed);
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
		// A finding is shared by its short address; anything else by its own.
		const page = scope.dataset.shortUrl ? new URL(scope.dataset.shortUrl, location.href).href : location.href;
		url = textFragmentUrl(page, directive, sectionIdBefore(scope, range.startContainer));
		// The quote's words, and the words either side for widening it to whole words, all
		// without source markers: "quality[source 1]:" is quoted as "quality".
		const words = widenToWords({
			selected: quotedText(range),
			before: quotedText(rangeBetween(startBlock, 'start', range.startContainer, range.startOffset)),
			after: quotedText(rangeBetween(endBlock, 'end', range.endContainer, range.endOffset)),
		});
		quote = formatQuote({ text: words.selected, source, url });
		show(range, raw);
	};

	const show = (range: Range, raw: Range) => {
		clearTimeout(hideTimer);
		label.textContent = LABEL;
		quoteLabel.textContent = QUOTE_LABEL;
		place(raw);
		offeredFocus = false;
		tools.hidden = false;
		// Just below the selection's last line, lined up with its end, kept inside the window.
		const rects = range.getClientRects();
		const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
		const parent = (tools.offsetParent ?? document.documentElement) as HTMLElement;
		const origin = parent.getBoundingClientRect();
		const width = tools.offsetWidth;
		const left = Math.min(Math.max(last.right - width, 8), document.documentElement.clientWidth - width - 8);
		tools.style.left = `${left - origin.left - parent.clientLeft}px`;
		tools.style.top = `${last.bottom + 6 - origin.top - parent.clientTop}px`;
	};

	tools.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection and the focus where they are
	linkButton.addEventListener('click', async () => {
		if (!url) return;
		const copied = await copyText(url);
		if (!copied) history.replaceState(history.state, '', url);
		const status = copied ? 'Link to this text copied' : 'Link to this text is in the address bar';
		label.textContent = copied ? 'Link copied' : 'Link is in the address bar';
		announce(status);
		clearTimeout(hideTimer);
		hideTimer = setTimeout(hide, STATUS_MS);
	});
	quoteButton.addEventListener('click', async () => {
		if (!quote) return;
		const copied = await copyText(quote);
		quoteLabel.textContent = copied ? 'Quote copied' : 'Could not copy: use your keyboard or menu';
		announce(copied ? 'Quote with its link and source copied' : 'Could not copy the quote: copy the selected text with your keyboard or menu');
		clearTimeout(hideTimer);
		hideTimer = setTimeout(hide, STATUS_MS);
	});

	document.addEventListener('pointerdown', (event) => {
		if (tools.contains(event.target as Node)) return;
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
		if (tools.hidden) return;
		if (event.key === 'Escape') hide();
		if (event.key === 'Tab' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !offeredFocus && !focusInside()) {
			event.preventDefault();
			linkButton.focus();
		}
	});
	tools.addEventListener('focusin', () => {
		offeredFocus = true;
	});
	document.addEventListener('selectionchange', () => {
		if (!pointerDown && getSelection()?.isCollapsed && !focusInside()) hide();
	});
	window.addEventListener('resize', () => {
		if (!tools.hidden) update();
	});
	return { update };
}

/**
 * A selection that ends on a source marker ("quality[1]:") ends before it, and one that starts
 * on a marker starts after it: the marker's text ("[source 1]") is not words on the page that a
 * text fragment could match, nor part of a quote. Undefined if nothing is left.
 */
function clearOfMarkers(range: Range): Range | undefined {
	const r = range.cloneRange();
	const end = r.endContainer;
	const endMarker = elementOf(end)?.closest('.note-ref');
	const before = end.nodeType === Node.TEXT_NODE ? end.previousSibling : null;
	if (endMarker) r.setEndBefore(endMarker);
	else if (before instanceof Element && before.matches('.note-ref') && /^[\s\p{P}]*$/u.test((end as Text).data.slice(0, r.endOffset))) r.setEndBefore(before);
	const startMarker = elementOf(r.startContainer)?.closest('.note-ref');
	if (startMarker) r.setStartAfter(startMarker);
	return r.collapsed || !r.toString().trim() ? undefined : r;
}

/** The selected words as a reader would quote them: without source markers or link icons. */
function quotedText(range: Range): string {
	const copy = range.cloneContents();
	for (const el of copy.querySelectorAll(NOT_QUOTED)) el.remove();
	return copy.textContent ?? '';
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

/** The part of `block` before (`start`) or after (`end`) a boundary point inside it. */
function rangeBetween(block: Element, side: 'start' | 'end', node: Node, offset: number): Range {
	const range = document.createRange();
	range.selectNodeContents(block);
	if (side === 'start') range.setEnd(node, offset);
	else range.setStart(node, offset);
	return range;
}

/** The text of `block` before (`start`) or after (`end`) a boundary point inside it. */
function textBetween(block: Element, side: 'start' | 'end', node: Node, offset: number): string {
	return rangeBetween(block, side, node, offset).toString();
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
