/**
 * Loads "Copy link to this text" (text-fragment.ts, the biggest script a reading page has) at
 * the reader's first selection in the page, not with the page: most readers never select text.
 * Until then it only parks the hidden controls outside the article, so their words never join
 * a selection, and notes whether the pointer is down, so a drag in progress is read when it ends.
 */
const tools = document.querySelector<HTMLElement>('[data-text-fragment-tools]');
const scope = tools?.closest<HTMLElement>('article');

if (tools && scope) {
	document.body.append(tools);
	const state = { pointerDown: false };
	const down = () => (state.pointerDown = true);
	const up = () => (state.pointerDown = false);
	document.addEventListener('pointerdown', down, true);
	document.addEventListener('pointerup', up, true);
	const load = () => {
		if (getSelection()?.isCollapsed ?? true) return;
		document.removeEventListener('selectionchange', load);
		void import('./text-fragment.ts').then(({ setUp }) => {
			document.removeEventListener('pointerdown', down, true);
			document.removeEventListener('pointerup', up, true);
			const controls = setUp(tools, scope, state);
			// The selection may be finished already (keys released, or the pointer let go while loading).
			if (!state.pointerDown) setTimeout(controls.update, 0);
		});
	};
	document.addEventListener('selectionchange', load);
}
