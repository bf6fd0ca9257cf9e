/**
 * /feed.xml: an RSS 2.0 feed of the briefing and the twelve findings, so NAVCA members can
 * follow changes in a feed reader. Each item's date is when its words were last checked
 * against the sources (`updated`), so a revised finding shows up as new.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE_NAME } from '../lib/citation.ts';
import { findingPath, loadSite } from '../lib/site.ts';
import { absoluteUrl } from '../lib/urls.ts';

const FEED_PATH = '/feed.xml';

export const GET: APIRoute = async (context) => {
	const site = await loadSite();
	const origin = context.site ?? 'http://localhost:4321';
	const abs = (path: string) => absoluteUrl(path, origin);
	const briefing = site.page('briefing');
	return rss({
		title: `${SITE_NAME}: findings and briefings`,
		description: 'The headline findings of the research on local civil society infrastructure in England, and the briefing that draws them together, as they are published and revised.',
		site: abs('/'),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: `<language>en-gb</language><atom:link href="${abs(FEED_PATH)}" rel="self" type="application/rss+xml"/>`,
		items: [
			{
				title: `Briefing: ${briefing.data.title}`,
				link: abs('/briefing/'),
				description: briefing.data.description,
				pubDate: briefing.data.updated,
				categories: ['briefing'],
			},
			...site.findings.map((f) => ({
				title: `Finding ${f.data.number}: ${f.data.title}`,
				link: abs(findingPath(f)),
				description: `${f.data.statement} ${f.data.summary}`,
				pubDate: f.data.updated,
				categories: ['finding', ...f.data.themes],
			})),
		],
	});
};
