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
