/**
 * /og/findings/N.png: each finding's social card, showing its number and statement, so a link
 * to a finding (short or full) previews as that finding rather than as the site in general.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type Finding, findingShortPath, loadSite } from '../../../lib/site.ts';
import { displayAddress, renderCard } from '../../../lib/socialCard.ts';
import { absoluteUrl } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
	const site = await loadSite();
	return site.findings.map((finding) => ({ params: { number: String(finding.data.number) }, props: { finding, total: site.findings.length } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ finding: Finding; total: number }> = async ({ props: { finding, total }, site }) => {
	const d = finding.data;
	const png = await renderCard({
		badge: String(d.number),
		evidence: d.evidence.strength[0]!.toUpperCase() + d.evidence.strength.slice(1),
		eyebrow: `Finding ${d.number} of ${total}: ${d.title}`,
		text: d.statement,
		address: displayAddress(absoluteUrl(findingShortPath(finding), site ?? 'http://localhost:4321')),
	});
	return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
