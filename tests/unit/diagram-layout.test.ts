/**
 * The layout of the real theory of change (content/theory-of-change.yaml, read from disk), in
 * both orientations: deterministic, nothing overlapping, everything inside the view box,
 * every link drawn from its source to its target, labels fitting their boxes, stages in
 * order, and fewer crossings than drawing the nodes in the order the data lists them.
 */
import { describe, expect, test } from 'vitest';
import { countCrossings, inputOrder } from '../../src/lib/diagram/crossings.ts';
import { type EdgeInput, type NodeInput, toGraph } from '../../src/lib/diagram/graph.ts';
import { type DiagramLayout, HORIZONTAL, type LayoutOptions, type PlacedNode, VERTICAL, layoutDiagram, stageLinks } from '../../src/lib/diagram/layout.ts';
import { textWidth } from '../../src/lib/diagram/wrap.ts';
import { readYaml } from '../support/content-files.ts';

const STAGES = ['activity', 'outcome', 'pathway', 'impact'];
const data = readYaml<{ nodes: NodeInput[]; edges: EdgeInput[] }>('theory-of-change.yaml');
const graph = toGraph(data.nodes, data.edges, STAGES);
const layouts: [string, LayoutOptions, DiagramLayout][] = [
	['horizontal', HORIZONTAL, layoutDiagram(graph, HORIZONTAL)],
	['vertical', VERTICAL, layoutDiagram(graph, VERTICAL)],
];

/** Every coordinate pair a path passes through or is pulled towards (absolute commands only). */
function pathPoints(d: string): [number, number][] {
	const points: [number, number][] = [];
	let x = 0;
	let y = 0;
	for (const [, cmd, args] of d.matchAll(/([MLCHVAZ])([^MLCHVAZ]*)/g)) {
		const n = (args ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
		if (cmd === 'H') x = n[0]!;
		else if (cmd === 'V') y = n[0]!;
		else if (cmd === 'A') [x, y] = [n[5]!, n[6]!];
		else if (cmd === 'C') {
			points.push([n[0]!, n[1]!], [n[2]!, n[3]!]);
			[x, y] = [n[4]!, n[5]!];
		} else if (cmd === 'M' || cmd === 'L') [x, y] = [n[0]!, n[1]!];
		else continue;
		points.push([x, y]);
	}
	return points;
}

const overlaps = (a: PlacedNode, b: PlacedNode) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onEdgeOf = (n: PlacedNode, [x, y]: [number, number]) => (Math.abs(x - n.x) < 0.2 || Math.abs(x - (n.x + n.width)) < 0.2) && y > n.y && y < n.y + n.height;

test('the real data has the stages the diagram is about', () => {
	// Every step and link of the data reaches the graph (none dropped or doubled).
	expect(graph.nodes.map((n) => n.id).sort()).toEqual(data.nodes.map((n) => n.id).sort());
	expect(graph.edges).toHaveLength(data.edges.length);
	// "Stronger frontline organisations" grows out of two other outcomes, so the outcomes
	// take two layers: activities 0, outcomes 1–2, pathways 3, impacts 4.
	expect(graph.stages.map((s) => [s.stage, s.firstLayer, s.lastLayer])).toEqual([
		['activity', 0, 0],
		['outcome', 1, 2],
		['pathway', 3, 3],
		['impact', 4, 4],
	]);
});

describe.each(layouts)('%s layout', (_, options, layout) => {
	test('is the same every time for the same data', () => {
		expect(layoutDiagram(toGraph(data.nodes, data.edges, STAGES), options)).toEqual(layout);
	});

	test('depends only on the data, not on the order it lists nodes and edges in', () => {
		const reversed = layoutDiagram(toGraph([...data.nodes].reverse(), [...data.edges].reverse(), STAGES), options);
		const geometry = (l: DiagramLayout) => ({
			nodes: Object.fromEntries(l.nodes.map((n) => [n.id, [n.x, n.y, n.width, n.height, n.lines]])),
			edges: Object.fromEntries(l.edges.map((e) => [e.id, [e.d, e.arrow, e.dashOffset]])),
			sequence: l.nodes.map((n) => n.id),
		});
		expect(geometry(reversed)).toEqual(geometry(layout));
	});

	test('places every node once, and no two boxes overlap (with room to spare)', () => {
		expect(layout.nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
		const gap = options.nodeGap - 1;
		for (const [i, a] of layout.nodes.entries()) {
			for (const b of layout.nodes.slice(i + 1)) {
				const grown = { ...a, x: a.x - gap / 2, y: a.y - gap / 2, width: a.width + gap, height: a.height + gap };
				expect(overlaps(grown, b), `${a.id} and ${b.id}`).toBe(false);
			}
		}
	});

	test('keeps every node, with its focus ring, and every link inside the view box', () => {
		const ring = 4;
		for (const n of layout.nodes) {
			expect(n.x - ring, n.id).toBeGreaterThanOrEqual(0);
			expect(n.y - ring, n.id).toBeGreaterThanOrEqual(0);
			expect(n.x + n.width + ring, n.id).toBeLessThanOrEqual(layout.width);
			expect(n.y + n.height + ring, n.id).toBeLessThanOrEqual(layout.height);
		}
		for (const e of layout.edges) {
			for (const [x, y] of [...pathPoints(e.d), ...pathPoints(e.arrow)]) {
				expect(x, e.id).toBeGreaterThanOrEqual(0);
				expect(x, e.id).toBeLessThanOrEqual(layout.width);
				expect(y, e.id).toBeGreaterThanOrEqual(0);
				expect(y, e.id).toBeLessThanOrEqual(layout.height);
			}
		}
	});

	test('draws every link once, leaving its source and ending with an arrow at its target', () => {
		expect(layout.edges.map((e) => e.id)).toEqual(graph.edges.map((e) => e.id));
		const byId = new Map(layout.nodes.map((n) => [n.id, n]));
		for (const e of layout.edges) {
			const points = pathPoints(e.d);
			expect(onEdgeOf(byId.get(e.from)!, points[0]!), `${e.id} starts on its source`).toBe(true);
			const tip = pathPoints(e.arrow)[1]!;
			expect(onEdgeOf(byId.get(e.to)!, tip), `${e.id} points at its target`).toBe(true);
			// The line runs on to the base of the arrowhead.
			expect(Math.abs(points.at(-1)![0] - tip[0])).toBeCloseTo(options.arrowLength, 1);
		}
	});

	test('fits every label line inside its box', () => {
		for (const n of layout.nodes) {
			expect(n.lines.map((l) => l.text).join(' '), n.id).toBe(n.label);
			for (const line of n.lines) {
				expect(line.x + textWidth(line.text, options.fontSize), n.id).toBeLessThanOrEqual(n.x + n.width - options.padX + 0.1);
				expect(line.y, n.id).toBeLessThan(n.y + n.height - options.padY / 2);
				expect(line.y - options.fontSize, n.id).toBeGreaterThan(n.y);
			}
		}
	});

	test('lists nodes stage by stage (the Tab order), as d3-dag ordered them', () => {
		const stageIndex = layout.nodes.map((n) => STAGES.indexOf(n.stage));
		expect(stageIndex).toEqual([...stageIndex].sort((a, b) => a - b));
		const sequence = layout.order.layers.flat().filter((item) => !item.includes('@'));
		expect(layout.nodes.map((n) => n.id)).toEqual(sequence);
	});

	test('has fewer link crossings than the order the data lists the nodes in', () => {
		const before = countCrossings(inputOrder(graph));
		const after = countCrossings(layout.order);
		expect(after).toBeLessThan(before);
	});
});

describe('horizontal layout', () => {
	const [, , layout] = layouts[0]!;

	test('never draws a link over a box other than its own two', () => {
		for (const e of layout.edges) {
			// Sample each cubic segment of the d3-shape curve.
			const segments = [...e.d.matchAll(/C([^C]+)/g)].map((m) => m[1]!.split(/[\s,]+/).filter(Boolean).map(Number));
			let [x0, y0] = pathPoints(e.d)[0]!;
			for (const [x1, y1, x2, y2, x3, y3] of segments) {
				for (let t = 0; t <= 1; t += 0.05) {
					const u = 1 - t;
					const x = u * u * u * x0 + 3 * u * u * t * x1! + 3 * u * t * t * x2! + t * t * t * x3!;
					const y = u * u * u * y0 + 3 * u * u * t * y1! + 3 * u * t * t * y2! + t * t * t * y3!;
					for (const n of layout.nodes) {
						if (n.id === e.from || n.id === e.to) continue;
						const inside = x > n.x && x < n.x + n.width && y > n.y && y < n.y + n.height;
						expect(inside, `${e.id} crosses ${n.id} at ${Math.round(x)},${Math.round(y)}`).toBe(false);
					}
				}
				[x0, y0] = [x3!, y3!];
			}
		}
	});

	test('puts each stage in its own columns, left to right, with a heading over each', () => {
		const columnOf = (n: PlacedNode) => n.x;
		for (const n of layout.nodes) {
			expect(columnOf(n), n.id).toBe(HORIZONTAL.margin + n.layer * (HORIZONTAL.nodeWidth + HORIZONTAL.columnGap));
		}
		const stageLeft = STAGES.map((s) => Math.min(...layout.nodes.filter((n) => n.stage === s).map(columnOf)));
		expect(stageLeft).toEqual([...stageLeft].sort((a, b) => a - b));
		expect(layout.stages.map((s) => s.stage)).toEqual(STAGES);
		const labels = layout.stages.map((s) => s.label.x);
		expect(labels).toEqual([...labels].sort((a, b) => a - b));
		for (const s of layout.stages) expect(s.label.y).toBeLessThan(Math.min(...layout.nodes.map((n) => n.y)));
	});

	test('orders each column by where d3-dag put the nodes, top to bottom', () => {
		for (const layer of layout.order.layers) {
			const ys = layer.flatMap((item) => layout.nodes.filter((n) => n.id === item).map((n) => n.y));
			expect(ys).toEqual([...ys].sort((a, b) => a - b));
		}
	});
});

describe('vertical layout', () => {
	const [, , layout] = layouts[1]!;

	test('stacks the stages as rows, top to bottom, every node a full-width row under its stage heading', () => {
		const ys = layout.nodes.map((n) => n.y);
		expect(ys).toEqual([...ys].sort((a, b) => a - b));
		expect(new Set(layout.nodes.map((n) => `${n.x}/${n.width}`)).size).toBe(1);
		for (const s of layout.stages) {
			const first = layout.nodes.find((n) => n.stage === s.stage)!;
			expect(s.label.y, s.stage).toBeLessThan(first.y);
		}
	});

	test('keeps the same node order as the horizontal layout', () => {
		expect(layout.nodes.map((n) => n.id)).toEqual(layouts[0]![2].nodes.map((n) => n.id));
	});

	test('runs links in the margins, never across a box', () => {
		const box = layout.nodes[0]!;
		for (const e of layout.edges) {
			const [, ...inner] = pathPoints(e.d).slice(0, -1);
			for (const [x] of inner) expect(x < box.x || x > box.x + box.width, e.id).toBe(true);
		}
	});

	test('dashes links that share a lane in step, so the lane reads as one dashed line', () => {
		const period = VERTICAL.dash[0] + VERTICAL.dash[1];
		// Dash phase at height Y on a link's lane: distance along the path to the lane, plus
		// the way down it, plus the offset, modulo the dash period.
		const lanes = layout.edges
			.filter((e) => e.basis === 'indicative')
			.map((e) => {
				const [, start, h, r, x, y0] = /^M([\d.]+),[\d.]+H([\d.]+)A([\d.]+),[\d.]+ 0 0 [01] ([\d.]+),([\d.]+)/.exec(e.d)!.map(Number);
				const reach = Math.abs(start! - h!) + (Math.PI * r!) / 2;
				const y1 = Number(/V([\d.]+)/.exec(e.d)![1]);
				return { id: e.id, x: x!, y0: y0!, y1, phaseAt: (y: number) => (((reach + (y - y0!) + e.dashOffset) % period) + period) % period };
			});
		let shared = 0;
		for (const [i, a] of lanes.entries()) {
			for (const b of lanes.slice(i + 1)) {
				if (a.x !== b.x || Math.max(a.y0, b.y0) > Math.min(a.y1, b.y1)) continue;
				shared++;
				const y = Math.max(a.y0, b.y0);
				const diff = Math.abs(a.phaseAt(y) - b.phaseAt(y));
				expect(Math.min(diff, period - diff), `${a.id} and ${b.id}`).toBeLessThan(0.3);
			}
		}
		expect(shared).toBeGreaterThan(10);
	});
});

describe('parts of the diagram, laid out on their own', () => {
	// The stated-only overview (the research may state no link at all) and the small diagrams.
	const parts: [string, EdgeInput[]][] = [
		['no links', []],
		['only the stated links', data.edges.filter((e) => e.basis === 'stated')],
	];
	test.each(parts)('with %s, every step is placed once, in its stage, and no boxes overlap', (_, edges) => {
		for (const options of [HORIZONTAL, VERTICAL]) {
			const layout = layoutDiagram(toGraph(data.nodes, edges, STAGES), options);
			expect(layout.nodes.map((n) => n.id).sort()).toEqual(data.nodes.map((n) => n.id).sort());
			expect(layout.edges).toHaveLength(edges.length);
			const stageIndex = layout.nodes.map((n) => STAGES.indexOf(n.stage));
			expect(stageIndex).toEqual([...stageIndex].sort((a, b) => a - b));
			for (const [i, a] of layout.nodes.entries()) for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b), `${a.id} and ${b.id}`).toBe(false);
		}
	});

	test('a finding’s part (two activities, the outcomes between, a pathway) has only its stages and fits 320 units', () => {
		const keep = new Set(['activity-convening', 'activity-advocacy', 'pathway-better-targeted-resources', 'outcome-stronger-relationships', 'outcome-statutory-insight']);
		const edges = data.edges.filter((e) => keep.has(e.from) && keep.has(e.to));
		const layout = layoutDiagram(toGraph(data.nodes.filter((n) => keep.has(n.id)), edges, STAGES), VERTICAL);
		expect(layout.stages.map((s) => s.stage)).toEqual(['activity', 'outcome', 'pathway']);
		expect(layout.width).toBe(VERTICAL.width);
		for (const n of layout.nodes) expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
	});
});

describe('stageLinks', () => {
	const [, , wide] = layouts[0]!;
	const [, , narrow] = layouts[1]!;
	const links = [
		{ from: 'activity', to: 'pathway', label: 'led to' },
		{ from: 'pathway', to: 'impact', label: 'lead to' },
	];

	test('draws each link between whole stages as an arrow above the headings, from the one heading towards the other', () => {
		const placed = stageLinks(wide, links);
		expect(placed.map((l) => l.label)).toEqual(['led to', 'lead to']);
		const headingY = Math.min(...wide.stages.map((s) => s.label.y)) - wide.fontSize;
		for (const l of placed) {
			const from = wide.stages.find((s) => s.stage === l.from)!;
			const to = wide.stages.find((s) => s.stage === l.to)!;
			const [start, end] = [pathPoints(l.d)[0]!, pathPoints(l.d).at(-1)!];
			const tip = pathPoints(l.arrow)[1]!;
			expect(start[0]).toBeGreaterThan(from.label.x);
			expect(tip[0]).toBeLessThan(to.label.x);
			expect(tip[0] - end[0]).toBeCloseTo(7, 1);
			// Above the headings and inside the drawing; the words above the line, between its ends.
			for (const [x, y] of [start, end, tip]) {
				expect(y).toBeLessThan(headingY);
				expect(y).toBeGreaterThanOrEqual(0);
				expect(x).toBeLessThanOrEqual(wide.width);
			}
			expect(l.labelAt.y).toBeLessThan(start[1]);
			expect(l.labelAt.x).toBeGreaterThan(start[0]);
			expect(l.labelAt.x).toBeLessThan(tip[0]);
		}
	});

	test('has nowhere to go in the stacked layout, backwards, or to a stage the drawing lacks', () => {
		expect(stageLinks(narrow, links)).toEqual([]);
		expect(stageLinks(wide, [{ from: 'impact', to: 'activity', label: 'x' }])).toEqual([]);
		expect(stageLinks(wide, [{ from: 'activity', to: 'output', label: 'x' }])).toEqual([]);
	});
});
