/** /data/findings.schema.json: the JSON Schema of /data/findings.json, made from the same Zod schema. */
import type { APIRoute } from 'astro';
import { openDataJsonSchema } from '../../lib/openData.ts';

export const GET: APIRoute = ({ site }) =>
	new Response(`${JSON.stringify(openDataJsonSchema(site ?? 'http://localhost:4321'), null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
	});
