/**
 * Which nodes and edges lie on the paths through a set of chosen nodes. Shared by the build
 * (the small diagrams on finding and function pages) and the browser (hover and focus on the
 * full diagram), so both highlight exactly the same things.
 */
import { edgeId } from './graph.ts';

export interface Link {
	from: string;
	to: string;
}

export interface Highlight {
	nodes: Set<string>;
	/** Edge ids, `from--to`. */
	edges: Set<string>;
}

function closure(start: string, next: Map<string, string[]>): Set<string> {
	const found = new Set<string>();
	const stack = [...(next.get(start) ?? [])];
	while (stack.length) {
		const id = stack.pop()!;
		if (found.has(id)) continue;
		found.add(id);
		stack.push(...(next.get(id) ?? []));
	}
	return found;
}

/**
 * Every path through the chosen nodes.
 *
 * With one node, that is everything upstream of it and everything downstream. With several
 * (a finding's functions and pathways), a chosen node's upstream is followed only where no
 * other chosen node lies upstream of it, and its downstream likewise, while the stretch
 * between two chosen nodes keeps only what connects them. So a finding about convening and
 * better targeted resources lights convening → the outcomes that reach that pathway → the
 * pathway → its impacts, rather than everything either node touches.
 *
 * An edge is included only when it lies on such a path: both ends inside one of those
 * regions (an edge that skips over a chosen node is not a path through it).
 */
export function pathsThrough(links: readonly Link[], chosen: Iterable<string>): Highlight {
	const down = new Map<string, string[]>();
	const up = new Map<string, string[]>();
	for (const { from, to } of links) {
		down.set(from, [...(down.get(from) ?? []), to]);
		up.set(to, [...(up.get(to) ?? []), from]);
	}
	const picked = [...new Set(chosen)];
	const below = new Map(picked.map((id) => [id, closure(id, down)]));
	const above = new Map(picked.map((id) => [id, closure(id, up)]));

	// Each region is closed under "lies on a path between its ends", so an edge with both
	// ends in one region is on a path through a chosen node.
	const regions: Set<string>[] = [];
	for (const a of picked) {
		const others = picked.filter((b) => b !== a);
		if (!others.some((b) => below.get(a)!.has(b))) regions.push(new Set([a, ...below.get(a)!]));
		if (!others.some((b) => above.get(a)!.has(b))) regions.push(new Set([a, ...above.get(a)!]));
		for (const b of others) {
			if (!below.get(a)!.has(b)) continue;
			const between = [...below.get(a)!].filter((id) => above.get(b)!.has(id));
			regions.push(new Set([a, b, ...between]));
		}
	}
	const nodes = new Set(regions.flatMap((r) => [...r]));
	const edges = new Set(links.filter((l) => regions.some((r) => r.has(l.from) && r.has(l.to))).map((l) => edgeId(l.from, l.to)));
	return { nodes, edges };
}

/**
 * Only what lies between the chosen nodes: the chosen nodes themselves, and every node and
 * link on a path from one chosen node to another. Nothing upstream of the first or downstream
 * of the last. This is what a finding's small diagram shows: its own functions and pathways
 * and the routes between them, not everything they touch. A chosen node connected to no other
 * chosen node is kept on its own, with no links.
 */
export function pathsBetween(links: readonly Link[], chosen: Iterable<string>): Highlight {
	const down = new Map<string, string[]>();
	const up = new Map<string, string[]>();
	for (const { from, to } of links) {
		down.set(from, [...(down.get(from) ?? []), to]);
		up.set(to, [...(up.get(to) ?? []), from]);
	}
	const picked = [...new Set(chosen)];
	const below = new Map(picked.map((id) => [id, closure(id, down)]));
	const above = new Map(picked.map((id) => [id, closure(id, up)]));
	const regions: Set<string>[] = [];
	for (const a of picked) {
		for (const b of picked) {
			if (a === b || !below.get(a)!.has(b)) continue;
			regions.push(new Set([a, b, ...[...below.get(a)!].filter((id) => above.get(b)!.has(id))]));
		}
	}
	const nodes = new Set([...picked, ...regions.flatMap((r) => [...r])]);
	const edges = new Set(links.filter((l) => regions.some((r) => r.has(l.from) && r.has(l.to))).map((l) => edgeId(l.from, l.to)));
	return { nodes, edges };
}

export interface Route<L extends Link = Link> {
	/** The links of the route, in order. */
	links: L[];
	/** The nodes between its two ends. */
	via: string[];
}

/**
 * Every route from one node to another, as the list of links it follows, shortest first
 * (then in the order the links are given). The graph is acyclic, so a depth-first walk ends.
 */
export function routesBetween<L extends Link>(links: readonly L[], from: string, to: string): Route<L>[] {
	const out = new Map<string, L[]>();
	for (const l of links) out.set(l.from, [...(out.get(l.from) ?? []), l]);
	const routes: Route<L>[] = [];
	const walk = (at: string, so: L[]) => {
		if (at === to && so.length) {
			routes.push({ links: so, via: so.slice(0, -1).map((l) => l.to) });
			return;
		}
		for (const l of out.get(at) ?? []) if (!so.some((s) => s.from === l.to)) walk(l.to, [...so, l]);
	};
	walk(from, []);
	return routes.map((r, i) => [r, i] as const).sort((a, b) => a[0].links.length - b[0].links.length || a[1] - b[1]).map(([r]) => r);
}
