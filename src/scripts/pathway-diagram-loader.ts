/**
 * Loads the diagram's interactive layer (pathway-diagram.ts, its own small chunk) only when
 * it can be used: when the page opens at `#node-<id>`, when the diagram comes near the
 * viewport, or at the first pointer or focus on it, whichever is first. An event that starts
 * the load is handed on once the code is there, so the first hover or click still works.
 */
const TRIGGERS = ['pointerover', 'focusin', 'click'] as const;
const root = document.querySelector<HTMLElement>('[data-pathway-diagram]');

if (root) {
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
	else observer.observe(root);
}
