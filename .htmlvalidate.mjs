/**
 * html-validate configuration for the built site (tests/browser/html-validate.test.ts runs it
 * over every HTML file in dist/; `npx html-validate dist` uses it too). This is a module
 * rather than .htmlvalidate.json so each departure from the recommended preset can carry
 * its reason beside it. There are no rules turned off.
 */
import { defineConfig } from 'html-validate';

export default defineConfig({
	root: true,
	extends: ['html-validate:recommended'],
	rules: {
		// Relaxed, not off: HTML allows any id without whitespace, and glossary terms are
		// linked by their id as a public URL fragment, so the term 360Giving is
		// /definitions/glossary/#360giving. The strict form (must start with a letter, letters,
		// digits, - and _ only) exists for CSS selectors; our scripts find ids with
		// getElementById and never build selectors from them. Empty ids and ids with
		// whitespace are still errors.
		'valid-id': ['error', { relaxed: true }],
		// Relaxed, not off: the briefing-pack form on /findings/ has one checkbox per finding, all
		// named "f", so a GET sends ?f=1&f=4&f=6 (how HTML sends a multiple choice). The default
		// shares a name only among radios and buttons; other duplicates are still errors.
		'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
	},
});
