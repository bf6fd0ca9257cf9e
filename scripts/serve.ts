/**
 * `npm start` ends here: serve the built site (dist/) at http://localhost:4321 under the same
 * base path it was built with (BASE_PATH), until interrupted.
 */
import { existsSync } from 'node:fs';
import { startServer } from './lib/static-server.ts';

const root = process.env.LCSI_OUT_DIR ?? 'dist';
const base = process.env.BASE_PATH ?? '/';
const port = Number(process.env.PORT ?? 4321);

if (!existsSync(`${root}/index.html`)) {
	console.error(`No built site in ${root}/. Run "npm run build:local" first (npm start does both).`);
	process.exit(1);
}
const { url } = await startServer({ root, base, port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`LCSI Evidence Explorer is being served at ${url}\nPress Ctrl+C to stop.`);
