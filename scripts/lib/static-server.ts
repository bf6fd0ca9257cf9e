/**
 * A small static file server for the built site, used by `npm start`, the browser tests and
 * the benchmarks. It serves `root` under `base` (e.g. `/lcsi/`), compresses text with gzip as
 * any CDN would (so transfer sizes are realistic), answers unknown paths with 404.html, and
 * sends the cache rules the site declares in its `_headers` file (public/_headers), as the
 * static hosts that read that file do; anything without a rule is `no-cache`.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.webmanifest': 'application/manifest+json',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pagefind': 'application/octet-stream',
	'.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg']);

export interface StaticServer {
	server: Server;
	url: string;
	close(): Promise<void>;
}

export interface ServeOptions {
	root: string;
	base?: string;
	port?: number;
	host?: string;
}

/** One `_headers` rule: a path pattern (`*` matches anything, slashes too) and the headers it sets. */
export interface HeaderRule {
	pattern: RegExp;
	headers: Record<string, string>;
}

/** Parse a `_headers` file (Netlify's and Cloudflare Pages' format): a path, then its headers indented below it. */
export function parseHeaderRules(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const source = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
			rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
			continue;
		}
		const rule = rules.at(-1);
		const colon = line.indexOf(':');
		if (rule && colon > 0) rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
	}
	return rules;
}

/** The headers the rules give a site path (relative to the base, with its leading slash); later rules win. */
export function headersFor(rules: HeaderRule[], sitePath: string): Record<string, string> {
	return Object.assign({}, ...rules.filter((r) => r.pattern.test(sitePath)).map((r) => r.headers));
}

/** Resolve a request path to a file under root, or undefined when it is outside base or missing. */
export async function resolveFile(root: string, base: string, pathname: string): Promise<string | undefined> {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	if (!`${pathname}/`.startsWith(prefix) && pathname !== prefix.slice(0, -1)) return undefined;
	let rel = decodeURIComponent(pathname.slice(prefix.length - 1));
	rel = normalize(rel).replace(/^(\.\.[/\\])+/, '');
	const absRoot = resolve(root);
	let file = join(absRoot, rel);
	if (!file.startsWith(absRoot)) return undefined;
	try {
		const s = await stat(file);
		if (s.isDirectory()) {
			file = join(file, 'index.html');
			await stat(file);
		}
		return file;
	} catch {
		return undefined;
	}
}

export async function startServer({ root, base = '/', port = 4321, host = '127.0.0.1' }: ServeOptions): Promise<StaticServer> {
	const rules = parseHeaderRules(await readFile(join(resolve(root), '_headers'), 'utf8').catch(() => ''));
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		// A directory without its trailing slash: redirect, as static hosts do.
		if (!url.pathname.endsWith('/') && !extname(url.pathname)) {
			const dir = await resolveFile(root, base, `${url.pathname}/`);
			if (dir) {
				res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
				res.end();
				return;
			}
		}
		let file = await resolveFile(root, base, url.pathname);
		let status = 200;
		if (!file) {
			status = 404;
			file = join(resolve(root), '404.html');
		}
		const ext = extname(file);
		const headers: Record<string, string> = {
			'Content-Type': TYPES[ext] ?? 'application/octet-stream',
			'Cache-Control': 'no-cache',
			'X-Content-Type-Options': 'nosniff',
			...(status === 200 && url.pathname.startsWith(prefix) ? headersFor(rules, url.pathname.slice(prefix.length - 1)) : {}),
		};
		try {
			// A validator, as static hosts send: a file fetched before (a prefetch, say) is revalidated
			// with a 304 instead of sent again.
			const info = await stat(file);
			const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
			if (status === 200) {
				headers.ETag = etag;
				if (req.headers['if-none-match'] === etag) {
					res.writeHead(304, headers);
					return res.end();
				}
			}
			const accepts = String(req.headers['accept-encoding'] ?? '');
			if (COMPRESSIBLE.has(ext) && accepts.includes('gzip')) {
				headers['Content-Encoding'] = 'gzip';
				headers.Vary = 'Accept-Encoding';
				res.writeHead(status, headers);
				if (req.method === 'HEAD') return res.end();
				createReadStream(file).pipe(createGzip()).pipe(res);
			} else {
				const body = await readFile(file);
				headers['Content-Length'] = String(body.length);
				res.writeHead(status, headers);
				res.end(req.method === 'HEAD' ? undefined : body);
			}
		} catch {
			res.writeHead(404, { 'Content-Type': 'text/plain' });
			res.end('Not found');
		}
	});
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const address = server.address();
			const actualPort = typeof address === 'object' && address ? address.port : port;
			resolvePromise({
				server,
				url: `http://localhost:${actualPort}${base.endsWith('/') ? base : `${base}/`}`,
				close: () => new Promise<void>((r) => server.close(() => r())),
			});
		});
	});
}
