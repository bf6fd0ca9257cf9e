/**
 * Layout of the theory-of-change diagram: a graph in, coordinates out (in SVG viewBox units).
 *
 * The layered ("Sugiyama") work is d3-dag's: it keeps each node in its stage's layer, orders
 * the nodes in every layer to reduce crossings and spaces them along the layer. This module
 * only turns that into a drawing, in one of two orientations:
 *
 * - `horizontal`: stages are columns, read left to right, links are smooth d3-shape curves
 *   (one curve through the points where a link passes a column it skips).
 * - `vertical`, for narrow screens and the small diagrams: stages are bands read top to
 *   bottom, each node a full-width row in the same order d3-dag chose, links run down the
 *   margins. A classic top-to-bottom layered drawing would put the eleven outcomes side by
 *   side, which at 320px leaves each a few characters wide; this keeps every label readable.
 */
import { coordSimplex, decrossTwoLayer, graphStratify, layeringSimplex, sugiyama } from 'd3-dag';
import { curveBumpX, line } from 'd3';
import { type LayeredOrder, countCrossings, dummyKey } from './crossings.ts';
import { type DiagramGraph, type GraphEdge, type GraphNode, edgeId } from './graph.ts';
import { wrapLabel } from './wrap.ts';

export type Orientation = 'horizontal' | 'vertical';

interface CommonOptions {
	/** Label size, in viewBox units. */
	fontSize: number;
	lineHeight: number;
	/** Space inside a node box around its label. */
	padX: number;
	padY: number;
	/** Gap between nodes of one layer. */
	nodeGap: number;
	/** Height of the band holding the stage headings (horizontal) or of each stage heading (vertical). */
	headingHeight: number;
	/** Clear space around the drawing, enough for the focus ring around a node. */
	margin: number;
	arrowLength: number;
	/** Dash and gap of indicative links. */
	dash: readonly [number, number];
}

export interface HorizontalOptions extends CommonOptions {
	orientation: 'horizontal';
	nodeWidth: number;
	columnGap: number;
	/**
	 * Height of a band above the stage headings for links between whole stages (what the
	 * research states about the stages as a whole; see `stageLinks`). 0 for none.
	 */
	stageLinkBand: number;
}

export interface VerticalOptions extends CommonOptions {
	orientation: 'vertical';
	/** Width of the whole drawing. */
	width: number;
	/** Distance between neighbouring link lanes in a margin. */
	laneGap: number;
	/** Gap between a node box and the nearest lane (room for the arrowhead and the bend). */
	laneInset: number;
	/** Radius of the bends where links turn into and out of their lane. */
	bendRadius: number;
	/** Extra space between one stage's last node and the next stage's heading. */
	stageGap: number;
}

export type LayoutOptions = HorizontalOptions | VerticalOptions;

export const HORIZONTAL: HorizontalOptions = {
	orientation: 'horizontal',
	fontSize: 15,
	lineHeight: 19,
	padX: 10,
	padY: 9,
	nodeGap: 14,
	headingHeight: 44,
	margin: 8,
	arrowLength: 7,
	dash: [6, 4],
	// Narrow enough that the five columns and the details panel beside them fit a 1280px
	// screen with labels close to their full size.
	nodeWidth: 150,
	columnGap: 44,
	stageLinkBand: 34,
};

export const VERTICAL: VerticalOptions = {
	orientation: 'vertical',
	fontSize: 14,
	lineHeight: 18,
	padX: 9,
	padY: 7,
	nodeGap: 7,
	headingHeight: 30,
	margin: 8,
	arrowLength: 6,
	dash: [6, 4],
	width: 320,
	laneGap: 6,
	laneInset: 12,
	bendRadius: 5,
	stageGap: 8,
};

export interface TextLine {
	text: string;
	/** Start of the baseline. */
	x: number;
	y: number;
}

export interface PlacedNode extends GraphNode {
	/** Top-left corner and size of the node's box. */
	x: number;
	y: number;
	width: number;
	height: number;
	lines: TextLine[];
}

export interface PlacedEdge extends GraphEdge {
	/** SVG path of the link, ending at the base of the arrowhead. */
	d: string;
	/** SVG path of the arrowhead, its tip touching the target's box. */
	arrow: string;
	/** Keeps dashes in step where links share a lane (0 where they never overlap). */
	dashOffset: number;
}

export interface StageBand {
	stage: string;
	index: number;
	/** Where the stage's heading goes: the middle of the band (horizontal) or its start (vertical). */
	label: { x: number; y: number; anchor: 'middle' | 'start' };
	/** The area the stage covers, for a background band. */
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface DiagramLayout {
	orientation: Orientation;
	width: number;
	height: number;
	/** The band above the stage headings kept for links between whole stages (height 0: none). */
	stageLinkBand: { y: number; height: number };
	fontSize: number;
	dash: readonly [number, number];
	/** Stage by stage, then top to bottom (or left to right): also the keyboard order. */
	nodes: PlacedNode[];
	edges: PlacedEdge[];
	stages: StageBand[];
	/** The order d3-dag chose, for counting crossings. */
	order: LayeredOrder;
}

export function layoutDiagram(graph: DiagramGraph, options: LayoutOptions): DiagramLayout {
	return options.orientation === 'horizontal' ? layoutHorizontal(graph, options) : layoutVertical(graph, options);
}

const round = (n: number) => Math.round(n * 10) / 10;
const mod = (n: number, m: number) => ((n % m) + m) % m;

/** Box height for a label wrapped to `lines` lines. */
const boxHeight = (lines: number, o: CommonOptions) => 2 * o.padY + lines * o.lineHeight;

/** Lines of a label inside a box whose top-left corner is (x, y). */
function placeLines(lines: string[], x: number, y: number, o: CommonOptions): TextLine[] {
	// The baseline sits a little below the middle of each line box (cap height ~0.7em).
	const baseline = (o.lineHeight + o.fontSize * 0.7) / 2;
	return lines.map((text, i) => ({ text, x: round(x + o.padX), y: round(y + o.padY + i * o.lineHeight + baseline) }));
}

/** An arrowhead with its tip at (x, y), pointing right (+1) or left (-1). */
function arrowHead(x: number, y: number, direction: 1 | -1, length: number): string {
	const base = x - direction * length;
	const half = length * 0.6;
	return `M${round(base)},${round(y - half)}L${round(x)},${round(y)}L${round(base)},${round(y + half)}Z`;
}

interface SugiyamaResult {
	order: LayeredOrder;
	/** Centre of every node and dummy along its layer. */
	along: Map<string, number>;
	/** Extent of the drawing along the layers. */
	breadth: number;
}

/**
 * d3-dag's layered layout with the layers fixed to the graph's (stage) layers. Layering is
 * d3-dag's network simplex with every node's layer pinned by a rank and a group, so it can
 * only confirm the stage columns; decrossing is its two-layer heuristic (the optimal
 * decrossing is an integer program that does not finish on this graph); coordinates are its
 * simplex, which keeps links as straight as the order allows. `size` is each node's extent
 * along its layer.
 *
 * The heuristic's result depends on the order it is handed nodes and links in. Rather than
 * depend on the order a loader returns the data in, it is run from a few fixed orders (ids
 * ascending and descending, for nodes and for links) and the drawing with the fewest
 * crossings is kept, the first on a tie.
 */
function runSugiyama(graph: DiagramGraph, size: (n: GraphNode) => number, gap: number): SugiyamaResult {
	const ascending = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	const descending = (a: { id: string }, b: { id: string }) => ascending(b, a);
	let best: (SugiyamaResult & { crossings: number }) | undefined;
	for (const nodeOrder of [ascending, descending]) {
		for (const edgeOrder of [ascending, descending]) {
			const result = sugiyamaFrom([...graph.nodes].sort(nodeOrder), [...graph.edges].sort(edgeOrder), graph.layerCount, size, gap);
			const crossings = countCrossings(result.order);
			if (!best || crossings < best.crossings) best = { ...result, crossings };
		}
	}
	return best!;
}

/** One run of d3-dag's sugiyama on nodes and edges in the order given. */
function sugiyamaFrom(nodes: GraphNode[], edges: GraphEdge[], layerCount: number, size: (n: GraphNode) => number, gap: number): SugiyamaResult {
	const parents = new Map<string, string[]>();
	for (const e of edges) parents.set(e.to, [...(parents.get(e.to) ?? []), e.from]);
	const dag = graphStratify()
		.id((n: GraphNode) => n.id)
		.parentIds((n: GraphNode) => parents.get(n.id) ?? [])(nodes);
	const layering = layeringSimplex()
		.rank((n: { data: GraphNode }) => n.data.layer)
		.group((n: { data: GraphNode }) => `layer-${n.data.layer}`);
	const layout = sugiyama()
		.layering(layering)
		.decross(decrossTwoLayer())
		.coord(coordSimplex())
		.nodeSize((n: { data: GraphNode }) => [size(n.data), 1] as const)
		.gap([gap, 1]);
	const { width } = layout(dag);

	// d3-dag's y is the layer, its x the position along it. Check the layers are ours.
	const along = new Map<string, number>();
	const layerYs = [...new Set([...dag.nodes()].map((n) => n.y))].sort((a, b) => a - b);
	for (const n of dag.nodes()) {
		if (layerYs.indexOf(n.y) !== n.data.layer) throw new Error(`layout: d3-dag put "${n.data.id}" in layer ${layerYs.indexOf(n.y)}, not its stage's layer ${n.data.layer}`);
		along.set(n.data.id, n.x);
	}
	const chains = new Map<string, string[]>();
	const layers: [string, number][][] = Array.from({ length: layerCount }, () => []);
	for (const n of nodes) layers[n.layer]!.push([n.id, along.get(n.id)!]);
	for (const link of dag.links()) {
		const from = link.source.data;
		const id = edgeId(from.id, link.target.data.id);
		const chain = link.points.map((_, i) => (i === 0 ? from.id : i === link.points.length - 1 ? link.target.data.id : dummyKey(id, from.layer + i)));
		link.points.slice(1, -1).forEach(([x], i) => {
			along.set(chain[i + 1]!, x);
			layers[from.layer + i + 1]!.push([chain[i + 1]!, x]);
		});
		chains.set(id, chain);
	}
	const order = { layers: layers.map((l) => l.sort((a, b) => a[1] - b[1]).map(([item]) => item)), chains };
	return { order, along, breadth: width };
}

/** Nodes stage by stage, each layer in d3-dag's order: the drawing and Tab order. */
function readingOrder(graph: DiagramGraph, order: LayeredOrder): GraphNode[] {
	const byId = new Map(graph.nodes.map((n) => [n.id, n]));
	return order.layers.flatMap((layer) => layer.filter((item) => byId.has(item)).map((id) => byId.get(id)!));
}

function layoutHorizontal(graph: DiagramGraph, o: HorizontalOptions): DiagramLayout {
	const wrapped = new Map(graph.nodes.map((n) => [n.id, wrapLabel(n.label, o.nodeWidth - 2 * o.padX, o.fontSize)]));
	const heightOf = (n: GraphNode) => boxHeight(wrapped.get(n.id)!.length, o);
	const { order, along, breadth } = runSugiyama(graph, heightOf, o.nodeGap);

	const columnX = (layer: number) => o.margin + layer * (o.nodeWidth + o.columnGap);
	const headingTop = o.margin + o.stageLinkBand;
	const top = headingTop + o.headingHeight;
	const nodes: PlacedNode[] = readingOrder(graph, order).map((n) => {
		const height = heightOf(n);
		const x = columnX(n.layer);
		const y = round(top + along.get(n.id)! - height / 2);
		return { ...n, x, y, width: o.nodeWidth, height, lines: placeLines(wrapped.get(n.id)!, x, y, o) };
	});
	const placed = new Map(nodes.map((n) => [n.id, n]));
	const centreY = (item: string) => top + along.get(item)!;

	// Spread the links leaving (or entering) one node down its side, in the order of where
	// they go next, so they fan out instead of starting from one point.
	const port = new Map<string, number>();
	const spread = (nodeId: string, edges: GraphEdge[], side: 'out' | 'in', neighbour: (e: GraphEdge) => number) => {
		const n = placed.get(nodeId)!;
		const sorted = [...edges].sort((a, b) => neighbour(a) - neighbour(b) || a.id.localeCompare(b.id));
		const step = Math.min(8, (n.height - 2 * o.padY) / Math.max(sorted.length - 1, 1));
		sorted.forEach((e, i) => port.set(`${side}:${e.id}`, round(n.y + n.height / 2 + (i - (sorted.length - 1) / 2) * step)));
	};
	for (const n of nodes) {
		spread(n.id, graph.edges.filter((e) => e.from === n.id), 'out', (e) => centreY(order.chains.get(e.id)![1]!));
		spread(n.id, graph.edges.filter((e) => e.to === n.id), 'in', (e) => centreY(order.chains.get(e.id)!.at(-2)!));
	}

	const curve = line().curve(curveBumpX);
	const edges: PlacedEdge[] = graph.edges.map((e) => {
		const source = placed.get(e.from)!;
		const target = placed.get(e.to)!;
		const chain = order.chains.get(e.id)!;
		const startY = port.get(`out:${e.id}`)!;
		const endY = port.get(`in:${e.id}`)!;
		// Where a link skips a column it passes through d3-dag's point in that column: as one
		// smooth curve through the column's middle, unless that would cut across a box, in
		// which case it runs straight across the column in the gap d3-dag left and bends only
		// between columns.
		const through = (straight: boolean) =>
			chain.slice(1, -1).flatMap((item, i): [number, number][] => {
				const x = columnX(source.layer + i + 1);
				const y = round(centreY(item));
				return straight ? [[x, y], [x + o.nodeWidth, y]] : [[x + o.nodeWidth / 2, y]];
			});
		const route = (straight: boolean): [number, number][] => [[source.x + source.width, startY], ...through(straight), [target.x - o.arrowLength, endY]];
		const others = nodes.filter((n) => n.id !== e.from && n.id !== e.to);
		const smooth = route(false);
		const points = bumpCrosses(smooth, others) ? route(true) : smooth;
		return { ...e, d: roundPath(curve(points)!), arrow: arrowHead(target.x, endY, 1, o.arrowLength), dashOffset: 0 };
	});

	const width = 2 * o.margin + graph.layerCount * o.nodeWidth + (graph.layerCount - 1) * o.columnGap;
	const height = round(top + breadth + o.margin);
	const stages: StageBand[] = graph.stages.map((s, index) => {
		const x = index === 0 ? 0 : columnX(s.firstLayer) - o.columnGap / 2;
		const right = index === graph.stages.length - 1 ? width : columnX(s.lastLayer) + o.nodeWidth + o.columnGap / 2;
		return {
			stage: s.stage,
			index,
			label: { x: round((columnX(s.firstLayer) + columnX(s.lastLayer) + o.nodeWidth) / 2), y: round(headingTop + o.headingHeight / 2 + o.fontSize * 0.35), anchor: 'middle' },
			x: round(x),
			y: 0,
			width: round(right - x),
			height,
		};
	});
	return { orientation: 'horizontal', width, height, stageLinkBand: { y: o.margin, height: o.stageLinkBand }, fontSize: o.fontSize, dash: o.dash, nodes, edges, stages, order };
}

/**
 * Whether d3-shape's curveBumpX through `points` passes over any of `boxes`. Between two
 * points that curve is the cubic Bézier with both control points at the middle x, one at
 * each end's y; it is sampled finely enough for boxes tens of units across.
 */
export function bumpCrosses(points: [number, number][], boxes: { x: number; y: number; width: number; height: number }[]): boolean {
	for (let i = 0; i + 1 < points.length; i++) {
		const [x0, y0] = points[i]!;
		const [x1, y1] = points[i + 1]!;
		const mx = (x0 + x1) / 2;
		for (let t = 0; t <= 1; t += 1 / 32) {
			const u = 1 - t;
			const x = u * u * u * x0 + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * x1;
			const y = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y1 + t * t * t * y1;
			if (boxes.some((b) => x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height)) return true;
		}
	}
	return false;
}

/** d3-shape writes full-precision numbers; a tenth of a unit is plenty and keeps pages small. */
function roundPath(d: string): string {
	return d.replace(/-?\d+\.\d+(?:e-?\d+)?/g, (n) => String(round(Number(n))));
}

type Side = 'left' | 'right';

interface Trunk {
	key: string;
	side: Side;
	edges: GraphEdge[];
	/** First and last row (index in reading order) the trunk touches. */
	start: number;
	end: number;
	lane: number;
}

/**
 * Vertical layout: rows in reading order; links leave a node's side, run down a lane in the
 * margin and turn into their target. Links from alternate stages use alternate margins
 * (activities and pathways on the left, outcomes on the right), so the two busiest sets of
 * links never share a margin. Within a margin, links that share a source (or, where that
 * gives fewer lanes, a target) and a basis share a lane, a "trunk"; trunks get lanes greedily,
 * shortest first and innermost first, so short trunks nest inside long ones.
 */
function layoutVertical(graph: DiagramGraph, o: VerticalOptions): DiagramLayout {
	const { order } = runSugiyama(graph, () => 1, 1);
	const rows = readingOrder(graph, order);
	const rowOf = new Map(rows.map((n, i) => [n.id, i]));
	const stageIndexOf = new Map(graph.nodes.map((n) => [n.id, n.stageIndex]));

	const trunks = new Map<string, Trunk>();
	const groups = Map.groupBy(graph.edges, (e) => stageIndexOf.get(e.from)!);
	for (const [stageIndex, edges] of groups) {
		const side: Side = stageIndex % 2 === 0 ? 'left' : 'right';
		const bySource = new Set(edges.map((e) => e.from)).size <= new Set(edges.map((e) => e.to)).size;
		for (const e of edges) {
			const key = `${side}|${bySource ? `from:${e.from}` : `to:${e.to}`}|${e.basis}`;
			const trunk = trunks.get(key) ?? { key, side, edges: [], start: Infinity, end: -Infinity, lane: -1 };
			trunk.edges.push(e);
			trunk.start = Math.min(trunk.start, rowOf.get(e.from)!);
			trunk.end = Math.max(trunk.end, rowOf.get(e.to)!);
			trunks.set(key, trunk);
		}
	}
	const lanes: Record<Side, [number, number][][]> = { left: [], right: [] };
	const byLength = [...trunks.values()].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || a.key.localeCompare(b.key));
	for (const t of byLength) {
		const sideLanes = lanes[t.side];
		let lane = sideLanes.findIndex((spans) => spans.every(([s, e]) => t.end < s || t.start > e));
		if (lane === -1) lane = sideLanes.push([]) - 1;
		sideLanes[lane]!.push([t.start, t.end]);
		t.lane = lane;
	}
	const gutter = (side: Side) => o.margin + Math.max(lanes[side].length - 1, 0) * o.laneGap + o.laneInset;
	const boxX = gutter('left');
	const boxWidth = o.width - boxX - gutter('right');
	const laneX = (t: Trunk) => (t.side === 'left' ? boxX - o.laneInset - t.lane * o.laneGap : boxX + boxWidth + o.laneInset + t.lane * o.laneGap);

	// Rows, stage by stage, each stage under its heading.
	const nodes: PlacedNode[] = [];
	const stages: StageBand[] = [];
	let y = o.margin;
	graph.stages.forEach((s, index) => {
		const bandTop = y;
		y += o.headingHeight;
		for (const n of rows.filter((r) => r.stage === s.stage)) {
			const lines = wrapLabel(n.label, boxWidth - 2 * o.padX, o.fontSize);
			const height = boxHeight(lines.length, o);
			nodes.push({ ...n, x: boxX, y: round(y), width: boxWidth, height, lines: placeLines(lines, boxX, y, o) });
			y += height + o.nodeGap;
		}
		y += o.stageGap;
		stages.push({
			stage: s.stage,
			index,
			label: { x: boxX, y: round(bandTop + o.headingHeight / 2 + o.fontSize * 0.35), anchor: 'start' },
			x: 0,
			y: round(bandTop - o.stageGap / 2),
			width: o.width,
			height: round(y - bandTop),
		});
	});
	const placed = new Map(nodes.map((n) => [n.id, n]));

	// Where each trunk meets each node it touches: spread down the node's side. Trunks that
	// arrive from above take the upper ports (inner lanes highest), trunks that continue
	// below take the lower ones (outer lanes highest), so no stub crosses a neighbour's lane.
	const port = new Map<string, number>();
	for (const n of nodes) {
		const row = rowOf.get(n.id)!;
		for (const side of ['left', 'right'] as const) {
			const touching = [...trunks.values()].filter((t) => t.side === side && t.edges.some((e) => e.from === n.id || e.to === n.id));
			const fromAbove = touching.filter((t) => t.start < row).sort((a, b) => a.lane - b.lane);
			const below = touching.filter((t) => t.start >= row).sort((a, b) => b.lane - a.lane);
			const ordered = [...fromAbove, ...below];
			ordered.forEach((t, i) => port.set(`${n.id}|${t.key}`, round(n.y + (n.height * (i + 1)) / (ordered.length + 1))));
		}
	}

	const period = o.dash[0] + o.dash[1];
	const edges: PlacedEdge[] = [];
	for (const t of trunks.values()) {
		const x = laneX(t);
		const toward = t.side === 'left' ? -1 : 1;
		for (const e of t.edges) {
			const source = placed.get(e.from)!;
			const target = placed.get(e.to)!;
			const startX = t.side === 'left' ? source.x : source.x + source.width;
			const tipX = t.side === 'left' ? target.x : target.x + target.width;
			const sy = port.get(`${e.from}|${t.key}`)!;
			const ty = port.get(`${e.to}|${t.key}`)!;
			const r = Math.min(o.bendRadius, (ty - sy) / 2, Math.abs(x - startX));
			const sweep = t.side === 'left' ? 0 : 1;
			const d =
				`M${round(startX)},${sy}H${round(x - toward * r)}A${r},${r} 0 0 ${sweep} ${round(x)},${round(sy + r)}` +
				`V${round(ty - r)}A${r},${r} 0 0 ${sweep} ${round(x - toward * r)},${ty}H${round(tipX + toward * o.arrowLength)}`;
			// Dash phase follows the absolute height on the lane, so links sharing it dash in step.
			const reachLane = Math.abs(x - startX) - r + (Math.PI * r) / 2;
			edges.push({ ...e, d, arrow: arrowHead(tipX, ty, toward === -1 ? 1 : -1, o.arrowLength), dashOffset: round(mod(sy + r - reachLane, period)) });
		}
	}
	const edgeIndex = new Map(graph.edges.map((e, i) => [e.id, i]));
	edges.sort((a, b) => edgeIndex.get(a.id)! - edgeIndex.get(b.id)!);

	return { orientation: 'vertical', width: o.width, height: round(y + o.margin - o.stageGap), stageLinkBand: { y: 0, height: 0 }, fontSize: o.fontSize, dash: o.dash, nodes, edges, stages, order };
}

export interface StageLinkInput {
	from: string;
	to: string;
	/** The words on the link, e.g. "led to". */
	label: string;
}

export interface PlacedStageLink extends StageLinkInput {
	/** SVG path of the line, ending at the base of the arrowhead. */
	d: string;
	arrow: string;
	/** Where the label's middle sits (text-anchor middle). */
	labelAt: { x: number; y: number };
}

/**
 * Links between whole stages (the research says the activities, taken together, led to the
 * pathways), drawn in the band above the stage headings of a horizontal layout: a straight
 * arrow from over one stage's heading to over the other's, its words above it. Nothing for a
 * layout without that band, or a stage it does not have.
 */
export function stageLinks(layout: DiagramLayout, links: readonly StageLinkInput[], arrowLength = 7): PlacedStageLink[] {
	const band = layout.stageLinkBand;
	if (layout.orientation !== 'horizontal' || band.height <= 0) return [];
	const lineY = round(band.y + band.height * 0.78);
	return links.flatMap((l) => {
		const from = layout.stages.find((s) => s.stage === l.from);
		const to = layout.stages.find((s) => s.stage === l.to);
		if (!from || !to || to.index <= from.index) return [];
		// From just right of the first heading's middle to just left of the second's.
		const x0 = round(from.label.x + 24);
		const tip = round(to.label.x - 24);
		return [
			{
				...l,
				d: `M${x0},${lineY}H${round(tip - arrowLength)}`,
				arrow: arrowHead(tip, lineY, 1, arrowLength),
				labelAt: { x: round((x0 + tip) / 2), y: round(lineY - layout.fontSize * 0.55) },
			},
		];
	});
}
