/**
 * /robots.txt: everything may be crawled; the sitemap's absolute address comes from the same
 * SITE_URL and BASE_PATH as every other URL. (Under a sub-path, crawlers only read robots.txt
 * at the host's root; the file is still correct to copy there.)
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap-index.xml', site ?? 'http://localhost:4321')}\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
