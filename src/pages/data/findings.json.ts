/** /data/findings.json: the open data (see src/lib/openData.ts and docs/open-data.md). */
import type { APIRoute } from 'astro';
import { buildOpenData } from '../../lib/openData.ts';
import { loadSite } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
	const data = buildOpenData(await loadSite(), site ?? 'http://localhost:4321');
	return new Response(`${JSON.stringify(data, null, '\t')}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
