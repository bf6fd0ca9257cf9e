/**
 * The briefing-pack form on /findings/: says how many findings are ticked, and sends the short
 * shareable address /findings/pack/?f=1,4,6 rather than the form's ?f=1&f=4&f=6 (the pack page
 * accepts both, so without this script the form still works).
 */
import { packQuery } from '../lib/pack.ts';

const form = document.querySelector<HTMLFormElement>('[data-pack-form]');
if (form) {
	const count = form.querySelector<HTMLElement>('[data-pack-count]');
	const chosen = () => [...form.querySelectorAll<HTMLInputElement>('input[name="f"]:checked')].map((box) => Number(box.value));
	const update = () => {
		const n = chosen().length;
		if (count) count.textContent = n === 0 ? '' : `${n} ${n === 1 ? 'finding' : 'findings'} ticked`;
	};
	form.addEventListener('change', update);
	form.addEventListener('submit', (event) => {
		const numbers = chosen();
		if (numbers.length === 0) {
			event.preventDefault();
			if (count) count.textContent = 'Tick at least one finding first';
			form.querySelector<HTMLInputElement>('input[name="f"]')?.focus();
			return;
		}
		event.preventDefault();
		location.assign(`${form.action}${packQuery(numbers)}`);
	});
	update();
}
