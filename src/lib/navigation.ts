/** Primary navigation, in the order the site brief gives, with the evidence map beside the findings it maps. */
export const primaryNav = [
	{ label: 'Briefing', path: '/briefing/' },
	{ label: 'Findings', path: '/findings/' },
	{ label: 'Evidence map', path: '/evidence-map/' },
	{ label: 'Questions', path: '/questions/' },
	{ label: 'Definitions', path: '/definitions/' },
	{ label: 'Functions', path: '/functions/' },
	{ label: 'Pathways', path: '/pathways/' },
	{ label: 'Reports', path: '/reports/' },
	{ label: 'Search', path: '/search/' },
] as const;

/**
 * How a nav item relates to the current page: `page` when it is the page itself, `section`
 * when the page sits under it (a finding under Findings), otherwise nothing.
 */
export function navState(itemPath: string, currentPath: string): 'page' | 'section' | undefined {
	const current = currentPath.endsWith('/') ? currentPath : `${currentPath}/`;
	if (current === itemPath) return 'page';
	if (current.startsWith(itemPath)) return 'section';
	return undefined;
}
