/**
 * The layered theory of change as data: which links each view draws, the view in the address,
 * the part of the diagram a small diagram shows (only the routes between its steps), routes
 * between two steps, and the functions-against-pathways table, on small hand-made graphs and
 * on the real content/theory-of-change.yaml (read from disk, so an audit of the `stated`
 * flags is followed, not assumed).
 */
import { describe, expect, test } from 'vitest';
import { edgeId } from '../../src/lib/diagram/graph.ts';
import { pathsBetween, routesBetween } from '../../src/lib/diagram/paths.ts';
import { type BasedLink, countByBasis, linksInView, routeBasis, searchForView, stageMatrix, viewFromSearch } from '../../src/lib/diagram/views.ts';
import { readMdx, readYaml } from '../support/content-files.ts';

const link = (from: string, to: string, basis: 'stated' | 'indicative' = 'indicative'): BasedLink => ({ from, to, basis });

// a1 → o1 → p1 → i1; a2 → o1; a2 → o2 → p2 → i1; o1 → o3 → p2 (stated); a1 → p2 skipping the outcomes.
const links = [link('a1', 'o1'), link('a2', 'o1'), link('a2', 'o2'), link('o1', 'p1'), link('o2', 'p2'), link('a1', 'p2'), link('p1', 'i1'), link('p2', 'i1'), link('o1', 'o3', 'stated'), link('o3', 'p2', 'stated')];

describe('views', () => {
	test('what the research states draws only stated links; this site’s reading draws them all', () => {
		expect(linksInView(links, 'stated').map((l) => edgeId(l.from, l.to))).toEqual(['o1--o3', 'o3--p2']);
		expect(linksInView(links, 'reading')).toEqual(links);
		expect(countByBasis(links)).toEqual({ stated: 2, indicative: 8 });
		expect(linksInView([link('a', 'b')], 'stated')).toEqual([]);
	});

	test('the address asks for this site’s reading with ?reading=1, and anything else means what the research states', () => {
		expect(viewFromSearch('')).toBe('stated');
		expect(viewFromSearch('?reading=1')).toBe('reading');
		expect(viewFromSearch('?x=2&reading=true')).toBe('reading');
		expect(viewFromSearch('?reading=0')).toBe('stated');
		expect(viewFromSearch('?reading=')).toBe('stated');
	});

	test('switching view keeps the other parameters and round-trips', () => {
		expect(searchForView('', 'reading')).toBe('?reading=1');
		expect(searchForView('?reading=1', 'stated')).toBe('');
		expect(searchForView('?q=a&reading=1', 'stated')).toBe('?q=a');
		expect(viewFromSearch(searchForView('?q=a', 'reading'))).toBe('reading');
	});
});

describe('pathsBetween', () => {
	test('keeps the chosen steps and only the routes between them, nothing beyond', () => {
		const { nodes, edges } = pathsBetween(links, ['a2', 'p2']);
		// a2 → o2 → p2 and a2 → o1 → o3 → p2; not p2's impact, not a2's branch to p1, not a1.
		expect([...nodes].sort()).toEqual(['a2', 'o1', 'o2', 'o3', 'p2']);
		expect([...edges].sort()).toEqual(['a2--o1', 'a2--o2', 'o1--o3', 'o2--p2', 'o3--p2']);
	});

	test('a step joined to no other chosen step is kept on its own, with no links', () => {
		const { nodes, edges } = pathsBetween(links, ['a1', 'a2']);
		expect([...nodes].sort()).toEqual(['a1', 'a2']);
		expect(edges.size).toBe(0);
	});

	test('a link that skips between two chosen steps is kept; nothing chosen, nothing shown', () => {
		expect(pathsBetween(links, ['a1', 'p2']).edges.has('a1--p2')).toBe(true);
		expect(pathsBetween(links, [])).toEqual({ nodes: new Set(), edges: new Set() });
	});
});

describe('routesBetween', () => {
	test('lists every route, shortest first, with the steps it passes through', () => {
		const routes = routesBetween(links, 'a1', 'p2');
		expect(routes.map((r) => r.via)).toEqual([[], ['o1', 'o3']]);
		expect(routes[1]!.links.map((l) => edgeId(l.from, l.to))).toEqual(['a1--o1', 'o1--o3', 'o3--p2']);
		expect(routesBetween(links, 'p1', 'a1')).toEqual([]);
	});

	test('a route is stated only where every link on it is', () => {
		const [direct, through] = routesBetween(links, 'o1', 'i1');
		expect(routeBasis(direct!)).toBe('indicative');
		expect(routeBasis(routesBetween(links, 'o1', 'p2')[0]!)).toBe('stated');
		expect(routeBasis(through!)).toBe('indicative');
	});

	test('stageMatrix splits each cell’s routes into stated and this site’s reading', () => {
		const m = stageMatrix(links, ['a1', 'o1'], ['p1', 'p2']);
		expect(m.map((row) => row.map((c) => [c.routes.length, c.stated.length, c.reading.length]))).toEqual([
			[
				[1, 0, 1],
				[2, 0, 2],
			],
			[
				[1, 0, 1],
				[1, 1, 0],
			],
		]);
	});
});

describe('the real theory of change', () => {
	interface Toc {
		nodes: { id: string; stage: string; function?: string }[];
		edges: BasedLink[];
	}
	const toc = readYaml<Toc>('theory-of-change.yaml');
	const ids = (stage: string) => toc.nodes.filter((n) => n.stage === stage).map((n) => n.id);

	test('the stated view draws exactly the links flagged stated, whatever their number', () => {
		const stated = toc.edges.filter((e) => e.basis === 'stated');
		expect(linksInView(toc.edges, 'stated')).toEqual(stated);
		expect(countByBasis(toc.edges)).toEqual({ stated: stated.length, indicative: toc.edges.length - stated.length });
	});

	test('finding 1’s small diagram is only its own steps: the five activities, no links', () => {
		const f1 = readMdx('findings').find((f) => f.data.number === 1)!;
		const own = [...(f1.data.functions as string[]).map((fn) => toc.nodes.find((n) => n.function === fn)!.id), ...(f1.data.pathways as string[])];
		const part = pathsBetween(toc.edges, own);
		expect([...part.nodes].sort()).toEqual([...own].sort());
		expect(part.edges.size).toBe(0);
	});

	test('a finding’s small diagram never reaches past its own steps to the impacts it does not name', () => {
		for (const f of readMdx('findings')) {
			const own = [...(f.data.functions as string[]).map((fn) => toc.nodes.find((n) => n.function === fn)!.id), ...(f.data.pathways as string[])];
			const part = pathsBetween(toc.edges, own);
			for (const id of part.nodes) expect(ids('impact'), `finding ${f.data.number}`).not.toContain(id);
			for (const id of own) expect(part.nodes.has(id)).toBe(true);
		}
	});

	test('every function reaches at least one pathway, and every route counted is a real chain of links', () => {
		const m = stageMatrix(toc.edges, ids('activity'), ids('pathway'));
		for (const row of m) expect(row.some((c) => c.routes.length > 0), row[0]!.from).toBe(true);
		for (const cell of m.flat()) {
			for (const r of cell.routes) {
				expect(r.links[0]!.from).toBe(cell.from);
				expect(r.links.at(-1)!.to).toBe(cell.to);
				r.links.slice(1).forEach((l, i) => expect(l.from).toBe(r.links[i]!.to));
			}
			expect(cell.stated.length + cell.reading.length).toBe(cell.routes.length);
		}
	});
});
