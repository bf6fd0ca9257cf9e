/**
 * The briefing pack page (/findings/pack/): shows the findings named in `?f=` and hides the
 * rest. `?f=1&f=4&f=6` (sent by the form on /findings/ without JavaScript) becomes `?f=1,4,6`
 * in the address bar, the short form to share. With nothing (valid) chosen it shows the plain
 * list of all twelve and says how to choose.
 */
import { documentTitle } from '../lib/documentTitle.ts';
import { chosenFindings, listNumbers, packQuery } from '../lib/pack.ts';

const pack = document.querySelector<HTMLElement>('[data-briefing-pack]');
if (pack) {
	const available = (pack.dataset.numbers ?? '').split(',').map(Number);
	const chosen = chosenFindings(location.search, available);
	const status = pack.querySelector<HTMLElement>('[data-pack-status]')!;
	const title = pack.querySelector<HTMLElement>('[data-pack-title]')!;
	const all = pack.querySelector<HTMLElement>('[data-pack-all]')!;
	const findingsPage = new URL('../', location.href);
	findingsPage.search = '';
	findingsPage.hash = 'briefing-pack';

	for (const section of pack.querySelectorAll<HTMLElement>('[data-pack-number]')) {
		section.hidden = !chosen.includes(Number(section.dataset.packNumber));
	}
	if (chosen.length > 0) {
		const url = new URL(location.href);
		url.search = packQuery(chosen);
		history.replaceState(history.state, '', url.href);
		const which = chosen.length === 1 ? `finding ${chosen[0]}` : `findings ${listNumbers(chosen)}`;
		title.textContent = `: ${which}`;
		document.title = documentTitle(`Briefing pack: ${which}`);
		status.append(
			`This pack holds ${which}. Print it with your browser’s Print command, or share its address: `,
			Object.assign(document.createElement('a'), { href: url.href, textContent: url.href }),
			'. ',
			Object.assign(document.createElement('a'), { href: findingsPage.href, textContent: 'Choose other findings' }),
			'.',
		);
	} else {
		all.classList.add('is-shown');
		status.append('No findings are chosen yet. Tick the ones you want on ', Object.assign(document.createElement('a'), { href: findingsPage.href, textContent: 'the findings page' }), ', then choose “Make a briefing pack”. Or open any finding below.');
	}
}
