/**
 * Previews for source notes ("[3]") and glossary terms, so a reader can check a source or a
 * word without leaving the page. Without JavaScript each marker is a plain link to its note
 * and each term a link to the glossary; this script turns them into buttons that open one
 * shared popover (the `popover` attribute) on hover, keyboard focus or tap.
 *
 * WCAG 1.4.13 (content on hover or focus): the preview can be dismissed with Escape without
 * moving the pointer or focus, the pointer can move onto it without it closing (hoverable),
 * and it stays until the reader moves away, dismisses it or opens another (persistent).
 * It sits right after its trigger in the document, so Tab moves from the marker into it.
 */

const POPOVER_ID = 'preview-popover';
const OPEN_DELAY = 150;
const CLOSE_DELAY = 300;

type Trigger = HTMLButtonElement;

function noteContent(number: string): DocumentFragment | undefined {
	const note = document.getElementById(`source-note-${number}`);
	if (!note) return undefined;
	const fragment = document.createDocumentFragment();
	const title = document.createElement('p');
	title.className = 'preview-title';
	title.id = `${POPOVER_ID}-title`;
	title.textContent = `Source ${number}`;
	const body = document.createElement('p');
	for (const child of note.childNodes) {
		if (child instanceof HTMLElement && child.classList.contains('note-backlinks')) continue;
		body.append(child.cloneNode(true));
	}
	const more = document.createElement('a');
	more.href = `#source-note-${number}`;
	more.className = 'preview-more';
	more.textContent = `Go to note ${number} in the list of sources`;
	fragment.append(title, body, more);
	return fragment;
}

function termContent(trigger: Trigger): DocumentFragment {
	const fragment = document.createDocumentFragment();
	const title = document.createElement('p');
	title.className = 'preview-title';
	title.id = `${POPOVER_ID}-title`;
	title.textContent = trigger.textContent ?? '';
	const body = document.createElement('p');
	body.textContent = trigger.dataset.definition ?? '';
	const more = document.createElement('a');
	more.href = trigger.dataset.href ?? '#';
	more.className = 'preview-more';
	more.textContent = `Read the full entry for “${trigger.textContent}” in the glossary`;
	fragment.append(title, body, more);
	return fragment;
}

/** Replace a link with a button that keeps its id, text and classes, so backlinks still land on it. */
function toButton(link: HTMLAnchorElement, className: string): Trigger {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = className;
	if (link.id) button.id = link.id;
	for (const [key, value] of Object.entries(link.dataset)) if (value !== undefined) button.dataset[key] = value;
	button.dataset.href = link.getAttribute('href') ?? '';
	button.append(...link.childNodes);
	button.setAttribute('aria-expanded', 'false');
	button.setAttribute('aria-controls', POPOVER_ID);
	link.replaceWith(button);
	return button;
}

function setUp(): void {
	const noteLinks = [...document.querySelectorAll<HTMLAnchorElement>('a.note-ref-link')];
	const termLinks = [...document.querySelectorAll<HTMLAnchorElement>('a.glossary-term[data-definition]')];
	if (noteLinks.length === 0 && termLinks.length === 0) return;
	if (!('popover' in HTMLElement.prototype)) return; // old browsers keep the plain links

	const popover = document.createElement('div');
	popover.id = POPOVER_ID;
	popover.className = 'preview';
	popover.popover = 'auto';
	popover.setAttribute('role', 'dialog');
	popover.setAttribute('aria-labelledby', `${POPOVER_ID}-title`);

	let current: Trigger | undefined;
	let openedAt = 0;
	// Focus given back to a trigger after closing must not open the preview again.
	let refocusing = false;
	const refocus = (trigger: Trigger) => {
		refocusing = true;
		trigger.focus();
		refocusing = false;
	};
	let openTimer: number | undefined;
	let closeTimer: number | undefined;
	const clearTimers = () => {
		window.clearTimeout(openTimer);
		window.clearTimeout(closeTimer);
	};

	const place = () => {
		if (!current) return;
		const rect = current.getBoundingClientRect();
		const width = popover.offsetWidth;
		const height = popover.offsetHeight;
		const margin = 8;
		const left = Math.min(Math.max(margin, rect.left), window.innerWidth - width - margin);
		const below = rect.bottom + 6;
		const top = below + height > window.innerHeight - margin && rect.top - height - 6 > margin ? rect.top - height - 6 : below;
		popover.style.left = `${Math.max(margin, left)}px`;
		popover.style.top = `${top}px`;
	};

	const show = (trigger: Trigger) => {
		clearTimers();
		if (current === trigger && popover.matches(':popover-open')) return;
		const content = trigger.classList.contains('note-ref-button') ? noteContent(trigger.dataset.note ?? '') : termContent(trigger);
		if (!content) return;
		if (popover.matches(':popover-open')) popover.hidePopover();
		current?.setAttribute('aria-expanded', 'false');
		popover.replaceChildren(content);
		// Right after the trigger (outside a <sup>), so Tab goes from the trigger into the preview.
		(trigger.closest('sup') ?? trigger).after(popover);
		current = trigger;
		popover.showPopover();
		trigger.setAttribute('aria-expanded', 'true');
		openedAt = performance.now();
		place();
	};

	const hide = () => {
		clearTimers();
		if (popover.matches(':popover-open')) popover.hidePopover();
	};

	// The browser gives focus back to the trigger when it closes a popover that held focus
	// (Escape, light dismiss): that focus must not open the preview again.
	let closedAt = -Infinity;
	popover.addEventListener('beforetoggle', (event) => {
		if ((event as ToggleEvent).newState === 'closed') closedAt = performance.now();
	});
	popover.addEventListener('toggle', (event) => {
		// Toggle events arrive late: ignore a close that a newer show has already superseded.
		if ((event as ToggleEvent).newState !== 'closed' || popover.matches(':popover-open')) return;
		const trigger = current;
		trigger?.setAttribute('aria-expanded', 'false');
		// Closed by Escape or a click elsewhere while focus was inside: give focus back to the trigger.
		if (trigger && (popover.contains(document.activeElement) || document.activeElement === document.body)) refocus(trigger);
	});
	popover.addEventListener('mouseenter', () => window.clearTimeout(closeTimer));
	popover.addEventListener('mouseleave', () => {
		closeTimer = window.setTimeout(hide, CLOSE_DELAY);
	});
	popover.addEventListener('focusout', (event) => {
		const next = event.relatedTarget as Node | null;
		if (next && !popover.contains(next) && next !== current) hide();
	});
	window.addEventListener('resize', place);
	window.addEventListener('scroll', place, { passive: true });

	const triggers = [...noteLinks.map((l) => toButton(l, 'note-ref-button')), ...termLinks.map((l) => toButton(l, 'glossary-term term-button'))];
	for (const trigger of triggers) {
		trigger.addEventListener('click', () => {
			// A tap also fires hover and focus first: only a later click closes what they opened.
			if (current === trigger && popover.matches(':popover-open') && performance.now() - openedAt > 400) hide();
			else show(trigger);
		});
		trigger.addEventListener('mouseenter', () => {
			window.clearTimeout(closeTimer);
			openTimer = window.setTimeout(() => show(trigger), OPEN_DELAY);
		});
		trigger.addEventListener('mouseleave', () => {
			window.clearTimeout(openTimer);
			closeTimer = window.setTimeout(hide, CLOSE_DELAY);
		});
		trigger.addEventListener('focus', () => {
			// Opened from a task of its own: focus can move while the browser shows or hides a
			// popover, and showing one from inside that operation is not allowed.
			if (refocusing || (trigger === current && performance.now() - closedAt < 250)) return;
			if (trigger.matches(':focus-visible')) openTimer = window.setTimeout(() => show(trigger), 0);
		});
		trigger.addEventListener('blur', (event) => {
			const next = event.relatedTarget as Node | null;
			if (!next || !popover.contains(next)) closeTimer = window.setTimeout(hide, 0);
		});
	}
	// Escape closes the preview even while focus stays on the trigger (popover=auto handles it
	// natively only when the popover was opened by a user gesture; this covers hover and focus).
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && popover.matches(':popover-open')) {
			const hadFocus = popover.contains(document.activeElement) || document.activeElement === current;
			hide();
			if (current && hadFocus) refocus(current);
		}
	});
}

setUp();
