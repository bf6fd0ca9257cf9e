/**
 * Edge crossings of a layered drawing, counted from the order of things in each layer, so the
 * layout's ordering can be compared with the order the data happens to list nodes in.
 *
 * An edge spanning several layers passes through one point per layer in between (a "dummy",
 * keyed `edgeId@layer`); it crosses another edge wherever their segments between the same
 * two layers swap order.
 */
import type { DiagramGraph } from './graph.ts';

export interface LayeredOrder {
	/** Per layer, the items (node ids and dummy keys) from top to bottom (or left to right). */
	layers: string[][];
	/** Per edge id, the items it passes through, one per layer from its source to its target. */
	chains: Map<string, string[]>;
}

export const dummyKey = (edgeId: string, layer: number) => `${edgeId}@${layer}`;

export function countCrossings({ layers, chains }: LayeredOrder): number {
	const position = new Map<string, number>();
	for (const layer of layers) layer.forEach((item, i) => position.set(item, i));
	// Segments grouped by the layer gap they cross: [upper position, lower position].
	const gaps = new Map<number, [number, number][]>();
	for (const [edge, chain] of chains) {
		for (let i = 0; i + 1 < chain.length; i++) {
			const upper = position.get(chain[i]!);
			const lower = position.get(chain[i + 1]!);
			if (upper === undefined || lower === undefined) throw new Error(`countCrossings: edge "${edge}" passes through an item that is in no layer`);
			const gap = layers.findIndex((l) => l.includes(chain[i]!));
			gaps.set(gap, [...(gaps.get(gap) ?? []), [upper, lower]]);
		}
	}
	let crossings = 0;
	for (const segments of gaps.values()) {
		for (let i = 0; i < segments.length; i++) {
			for (let j = i + 1; j < segments.length; j++) {
				const [a1, b1] = segments[i]!;
				const [a2, b2] = segments[j]!;
				if ((a1 - a2) * (b1 - b2) < 0) crossings++;
			}
		}
	}
	return crossings;
}

/** Each edge's chain of items: its source, a dummy in every layer it skips, its target. */
export function edgeChains(graph: DiagramGraph): Map<string, string[]> {
	const layerOf = new Map(graph.nodes.map((n) => [n.id, n.layer]));
	return new Map(
		graph.edges.map((e) => {
			const chain = [e.from];
			for (let layer = layerOf.get(e.from)! + 1; layer < layerOf.get(e.to)!; layer++) chain.push(dummyKey(e.id, layer));
			chain.push(e.to);
			return [e.id, chain];
		}),
	);
}

/**
 * The naive drawing to compare against: every layer in the order the data lists its nodes,
 * with the points of long edges after them in the order the data lists the edges.
 */
export function inputOrder(graph: DiagramGraph): LayeredOrder {
	const layers: string[][] = Array.from({ length: graph.layerCount }, () => []);
	for (const n of graph.nodes) layers[n.layer]!.push(n.id);
	const chains = edgeChains(graph);
	for (const chain of chains.values()) {
		for (const item of chain.slice(1, -1)) layers[Number(item.slice(item.lastIndexOf('@') + 1))]!.push(item);
	}
	return { layers, chains };
}
