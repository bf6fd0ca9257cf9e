/**
 * /og/site.png: the social card every page without its own card uses (Head.astro's default).
 */
import type { APIRoute } from 'astro';
import { displayAddress, renderCard } from '../../lib/socialCard.ts';
import { absoluteUrl } from '../../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
	const png = await renderCard({
		eyebrow: 'Local civil society infrastructure in England',
		text: 'What the research says: twelve findings, five functions and the evidence behind them, each linked to the published reports.',
		address: displayAddress(absoluteUrl('/', site ?? 'http://localhost:4321')),
	});
	return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
