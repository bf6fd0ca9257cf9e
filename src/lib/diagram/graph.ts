/**
 * The theory of change as a layered graph: the content's nodes and edges, checked, with each
 * node given the column ("layer") it is drawn in.
 *
 * Stages are fixed columns in a fixed order (activity, outcome, pathway, impact). A stage
 * usually takes one layer, but the data lets an outcome feed another outcome (the briefing's
 * "stronger frontline organisations" grows out of two other outcomes), so a stage takes as
 * many layers as its longest chain of same-stage links. The later outcome then sits one step
 * to the right of the outcomes it comes from, still under the "Outcomes" heading.
 *
 * Plain data in, plain data out: no Astro, no DOM, so unit tests and the browser share it.
 */

export type Basis = 'stated' | 'indicative';

export interface NodeInput {
	id: string;
	label: string;
	stage: string;
}

export interface EdgeInput {
	from: string;
	to: string;
	basis: Basis;
}

export interface GraphNode extends NodeInput {
	/** Position of the node's stage in the stage order. */
	stageIndex: number;
	/** The column (or, stacked, the row group) the node is drawn in; layers are 0-based and contiguous. */
	layer: number;
}

export interface GraphEdge extends EdgeInput {
	/** `from--to`, the same id the content collection gives the edge. */
	id: string;
}

export interface StageSpan {
	stage: string;
	/** First and last layer of the stage (equal unless the stage feeds itself). */
	firstLayer: number;
	lastLayer: number;
}

export interface DiagramGraph {
	nodes: GraphNode[];
	edges: GraphEdge[];
	stages: StageSpan[];
	layerCount: number;
}

export const edgeId = (from: string, to: string) => `${from}--${to}`;

/**
 * Check the data and assign layers. Throws, naming the node or edge, when a node's stage is
 * not in `stageOrder`, an edge names a missing node, runs backwards through the stages,
 * repeats, or same-stage edges form a cycle: the layout would be meaningless otherwise.
 * Node and edge order is kept as given (it is the "input order" crossings are compared with).
 */
export function toGraph(nodes: readonly NodeInput[], edges: readonly EdgeInput[], stageOrder: readonly string[]): DiagramGraph {
	const byId = new Map<string, NodeInput>();
	for (const n of nodes) {
		if (byId.has(n.id)) throw new Error(`theory of change: node "${n.id}" appears twice`);
		if (!stageOrder.includes(n.stage)) throw new Error(`theory of change: node "${n.id}" has stage "${n.stage}", not one of ${stageOrder.join(', ')}`);
		byId.set(n.id, n);
	}
	const seen = new Set<string>();
	const graphEdges: GraphEdge[] = edges.map((e) => {
		const id = edgeId(e.from, e.to);
		const from = byId.get(e.from);
		const to = byId.get(e.to);
		if (!from) throw new Error(`theory of change: edge "${id}" starts at a missing node`);
		if (!to) throw new Error(`theory of change: edge "${id}" ends at a missing node`);
		if (e.from === e.to) throw new Error(`theory of change: edge "${id}" links a node to itself`);
		if (stageOrder.indexOf(to.stage) < stageOrder.indexOf(from.stage)) throw new Error(`theory of change: edge "${id}" runs backwards (${from.stage} → ${to.stage})`);
		if (seen.has(id)) throw new Error(`theory of change: edge "${id}" appears twice`);
		seen.add(id);
		return { id, from: e.from, to: e.to, basis: e.basis };
	});

	// Depth of each node inside its own stage: the longest chain of same-stage links into it.
	const sameStageParents = new Map<string, string[]>();
	for (const e of graphEdges) {
		if (byId.get(e.from)!.stage === byId.get(e.to)!.stage) sameStageParents.set(e.to, [...(sameStageParents.get(e.to) ?? []), e.from]);
	}
	const depth = new Map<string, number>();
	const depthOf = (id: string, path: string[]): number => {
		const known = depth.get(id);
		if (known !== undefined) return known;
		if (path.includes(id)) throw new Error(`theory of change: links form a cycle ${[...path.slice(path.indexOf(id)), id].join(' → ')}`);
		const parents = sameStageParents.get(id) ?? [];
		const d = parents.length ? 1 + Math.max(...parents.map((p) => depthOf(p, [...path, id]))) : 0;
		depth.set(id, d);
		return d;
	};

	const stages: StageSpan[] = [];
	let nextLayer = 0;
	for (const stage of stageOrder) {
		const members = nodes.filter((n) => n.stage === stage);
		if (!members.length) continue;
		const deepest = Math.max(...members.map((n) => depthOf(n.id, [])));
		stages.push({ stage, firstLayer: nextLayer, lastLayer: nextLayer + deepest });
		nextLayer += deepest + 1;
	}
	const firstLayer = new Map(stages.map((s) => [s.stage, s.firstLayer]));
	const graphNodes: GraphNode[] = nodes.map((n) => ({
		id: n.id,
		label: n.label,
		stage: n.stage,
		stageIndex: stageOrder.indexOf(n.stage),
		layer: firstLayer.get(n.stage)! + depth.get(n.id)!,
	}));
	return { nodes: graphNodes, edges: graphEdges, stages, layerCount: nextLayer };
}
