/**
 * What NAVCA's briefing states about the theory of change as a whole, rather than link by
 * link: the activities, taken together, led to the three pathways, and the pathways lead on to
 * the three impacts. The diagram's stated-only view says this in words where it draws no
 * link; the quote is checked against the briefing at build time like every other citation.
 */
import type { StageLinkInput } from '../../lib/diagram/layout.ts';
import type { Citation } from '../../lib/sources.ts';
import type { Stage } from './model.ts';

export const ACTIVITIES_LED_TO_PATHWAYS: Citation = {
	ref: 'navca',
	section: 'impacts',
	quote: 'the research project identified how LCSI activities led to three broad outcome pathways',
};

/** The same two statements as arrows over the stage headings of the wide drawing. */
export const STAGE_LINKS: StageLinkInput[] = [
	{ from: 'activity', to: 'pathway', label: 'led to' },
	{ from: 'pathway', to: 'impact', label: 'lead to' },
];

/**
 * Under each stage of the narrow list, in the stated-only view: what the briefing says about
 * the stage as a whole (`says`), and that it links no particular step of it onwards (`silent`,
 * shown only while no link leaving the stage is stated).
 */
export const STAGE_NOTES: Record<Stage, { says?: string; silent?: string }> = {
	activity: {
		says: 'The briefing says the activities, taken together, led to the three pathways.',
		silent: 'It does not link a particular activity to a particular outcome.',
	},
	outcome: { silent: 'The briefing does not link a particular outcome to a particular pathway.' },
	pathway: {
		says: 'The briefing says the pathways ultimately lead to the three impacts.',
		silent: 'It does not say which pathway leads to which impact.',
	},
	impact: { says: 'The impacts are the end of the chain.' },
};
