/**
 * The theory of change, ready to draw: the content's nodes and edges as a graph, laid out
 * once per build in each orientation (every page with a diagram shares the result), with the
 * words each stage is shown under. Everything comes from the `tocNodes` and `tocEdges`
 * collections; nothing about a node or link is written here.
 */
import { tocStages } from '../../content.config.ts';
import { type DiagramGraph, toGraph } from '../../lib/diagram/graph.ts';
import { type DiagramLayout, HORIZONTAL, VERTICAL, layoutDiagram } from '../../lib/diagram/layout.ts';
import type { Highlight } from '../../lib/diagram/paths.ts';
import { countByBasis } from '../../lib/diagram/views.ts';
import { type Site, type TocEdge, type TocNode, loadSite } from '../../lib/site.ts';

export type Stage = (typeof tocStages)[number];

/** Stage headings in the diagram (short) and in the text version (with what the stage is). */
export const STAGE_TITLES: Record<Stage, { short: string; long: string; one: string }> = {
	activity: { short: 'Activities', long: 'Activities: the five functions of LCSI', one: 'activity' },
	outcome: { short: 'Outcomes', long: 'Outcomes the research reports', one: 'outcome' },
	pathway: { short: 'Pathways', long: 'The three outcome pathways', one: 'outcome pathway' },
	impact: { short: 'Impacts', long: 'The three impacts', one: 'impact' },
};

/** The diagram's title, for every drawing of it. */
export const DIAGRAM_TITLE = 'Theory of change: how local civil society infrastructure’s activities lead to outcomes, pathways and impacts';

/** "1 link", "3 links". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface DiagramModel {
	site: Site;
	graph: DiagramGraph;
	/** The whole diagram, stages as columns: every node and link (the view only hides some). */
	horizontal: DiagramLayout;
	/** The whole diagram, stages stacked as rows. */
	vertical: DiagramLayout;
	/** How many links the research states, and how many are this site's reading. */
	counts: { stated: number; indicative: number };
	/**
	 * Part of the diagram, laid out on its own (stacked unless asked): the nodes and links of `part`.
	 * The small diagrams and the stated-only overview use it.
	 */
	partLayout(part: Highlight, orientation?: 'horizontal' | 'vertical'): DiagramLayout;
	node(id: string): TocNode;
	/** Links into and out of a node, in the order their other ends appear in the diagram. */
	incoming(id: string): TocEdge[];
	outgoing(id: string): TocEdge[];
}

let cached: Promise<DiagramModel> | undefined;

export function diagramModel(): Promise<DiagramModel> {
	cached ??= build();
	return cached;
}

async function build(): Promise<DiagramModel> {
	const site = await loadSite();
	const graph = toGraph(
		site.tocNodes.map((n) => ({ id: n.id, label: n.data.label, stage: n.data.stage })),
		site.tocEdges.map((e) => ({ from: e.data.from, to: e.data.to, basis: e.data.basis })),
		tocStages,
	);
	const horizontal = layoutDiagram(graph, HORIZONTAL);
	// Lists of links follow the picture: in the order their other ends appear in the diagram.
	const position = new Map(horizontal.nodes.map((n, i) => [n.id, i]));
	const inDiagramOrder = (end: 'from' | 'to') => (a: TocEdge, b: TocEdge) => position.get(a.data[end])! - position.get(b.data[end])!;
	const parts = new Map<string, DiagramLayout>();
	const partLayout = (part: Highlight, orientation: 'horizontal' | 'vertical' = 'vertical') => {
		const key = `${orientation}|${[...part.nodes].sort().join(' ')}|${[...part.edges].sort().join(' ')}`;
		let layout = parts.get(key);
		if (!layout) {
			const sub = toGraph(
				graph.nodes.filter((n) => part.nodes.has(n.id)),
				graph.edges.filter((e) => part.edges.has(e.id) && part.nodes.has(e.from) && part.nodes.has(e.to)),
				tocStages,
			);
			layout = layoutDiagram(sub, orientation === 'horizontal' ? HORIZONTAL : VERTICAL);
			parts.set(key, layout);
		}
		return layout;
	};
	return {
		site,
		graph,
		horizontal,
		vertical: layoutDiagram(graph, VERTICAL),
		counts: countByBasis(graph.edges),
		partLayout,
		node: site.node,
		incoming: (id) => site.tocEdges.filter((e) => e.data.to === id).sort(inDiagramOrder('from')),
		outgoing: (id) => site.tocEdges.filter((e) => e.data.from === id).sort(inDiagramOrder('to')),
	};
}
