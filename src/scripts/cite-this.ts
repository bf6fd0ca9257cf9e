/**
 * Copy buttons of the "Cite this" blocks. The citation on the page says "Accessed [date]",
 * since a static page cannot know when it is read; the copied text carries the day of copying.
 * Without a usable clipboard the citation is selected instead, ready for the keyboard's copy.
 */
import { fillAccessed } from '../lib/citation.ts';
import { copyText, showCopyStatus } from './copy-text.ts';

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-citation]')) button.hidden = false;

document.addEventListener('click', async (event) => {
	const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy-citation]');
	const source = button && document.getElementById(button.dataset.copyCitation ?? '');
	if (!button || !source) return;
	const text = fillAccessed((source.textContent ?? '').replace(/\s+/g, ' ').trim(), new Date());
	if (await copyText(text)) {
		showCopyStatus(button, 'Citation copied');
	} else {
		getSelection()?.selectAllChildren(source);
		showCopyStatus(button, 'Citation selected: copy it with your keyboard or menu');
	}
});
