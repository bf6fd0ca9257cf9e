/**
 * The two layers of the theory of change, and the questions asked of them, as plain data:
 *
 * - `stated`: only what the research states (links whose `basis` is `stated`), the view a
 *   reader gets first;
 * - `reading`: those plus the `indicative` links, this site's reading of the sources.
 *
 * The view lives in the address as `?reading=1`, so a link can open either. Shared by the
 * build and the browser; no DOM, no Astro.
 */
import type { Basis } from './graph.ts';
import { type Link, type Route, routesBetween } from './paths.ts';

export type View = 'stated' | 'reading';

/** The query parameter that asks for this site's reading. */
export const READING_PARAM = 'reading';

export interface BasedLink extends Link {
	basis: Basis;
}

/** The view an address asks for: `?reading=1` (or `true`, `yes`) for this site's reading. */
export function viewFromSearch(search: string): View {
	const value = new URLSearchParams(search).get(READING_PARAM);
	return value !== null && /^(1|true|yes|on)$/i.test(value) ? 'reading' : 'stated';
}

/** The query string for a view, keeping any other parameters ('' when there are none left). */
export function searchForView(search: string, view: View): string {
	const params = new URLSearchParams(search);
	if (view === 'reading') params.set(READING_PARAM, '1');
	else params.delete(READING_PARAM);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** The links drawn in a view. */
export function linksInView<L extends BasedLink>(links: readonly L[], view: View): L[] {
	return view === 'reading' ? [...links] : links.filter((l) => l.basis === 'stated');
}

export function countByBasis(links: readonly BasedLink[]): Record<Basis, number> {
	const stated = links.filter((l) => l.basis === 'stated').length;
	return { stated, indicative: links.length - stated };
}

/** A route is stated only where the research states every link on it. */
export const routeBasis = (route: Route<BasedLink>): Basis => (route.links.every((l) => l.basis === 'stated') ? 'stated' : 'indicative');

export interface StageCell<L extends BasedLink> {
	from: string;
	to: string;
	/** Every route from `from` to `to`, shortest first. */
	routes: Route<L>[];
	/** Of those, the routes the research states link by link. */
	stated: Route<L>[];
	/** And the routes with at least one link that is this site's reading. */
	reading: Route<L>[];
}

/**
 * Each of `rows` against each of `columns` (five functions against three pathways): the routes
 * between them through the diagram, split into stated and this site's reading.
 */
export function stageMatrix<L extends BasedLink>(links: readonly L[], rows: readonly string[], columns: readonly string[]): StageCell<L>[][] {
	return rows.map((from) =>
		columns.map((to) => {
			const routes = routesBetween(links, from, to);
			return { from, to, routes, stated: routes.filter((r) => routeBasis(r) === 'stated'), reading: routes.filter((r) => routeBasis(r) === 'indicative') };
		}),
	);
}
