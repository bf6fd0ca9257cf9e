/**
 * The diagram's building blocks on small hand-made graphs: checking the data and assigning
 * stage layers, label wrapping, which nodes and links lie on paths through a node, and
 * counting crossings. The layout of the real theory of change is in diagram-layout.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { countCrossings, dummyKey, inputOrder } from '../../src/lib/diagram/crossings.ts';
import { type EdgeInput, type NodeInput, toGraph } from '../../src/lib/diagram/graph.ts';
import { pathsThrough } from '../../src/lib/diagram/paths.ts';
import { textWidth, wrapLabel } from '../../src/lib/diagram/wrap.ts';

const STAGES = ['activity', 'outcome', 'pathway', 'impact'];
const node = (id: string, stage: string): NodeInput => ({ id, label: id, stage });
const edge = (from: string, to: string): EdgeInput => ({ from, to, basis: 'indicative' });

describe('toGraph', () => {
	test('puts each stage in its own layer, in stage order', () => {
		const g = toGraph([node('i', 'impact'), node('a', 'activity'), node('p', 'pathway'), node('o', 'outcome')], [edge('a', 'o'), edge('o', 'p'), edge('p', 'i')], STAGES);
		expect(Object.fromEntries(g.nodes.map((n) => [n.id, n.layer]))).toEqual({ a: 0, o: 1, p: 2, i: 3 });
		expect(g.layerCount).toBe(4);
	});

	test('gives a stage one more layer for each step of a chain inside it, and shifts later stages along', () => {
		const g = toGraph(
			[node('a', 'activity'), node('o1', 'outcome'), node('o2', 'outcome'), node('o3', 'outcome'), node('p', 'pathway')],
			[edge('a', 'o1'), edge('o1', 'o2'), edge('o2', 'o3'), edge('a', 'o3'), edge('o3', 'p')],
			STAGES,
		);
		expect(Object.fromEntries(g.nodes.map((n) => [n.id, n.layer]))).toEqual({ a: 0, o1: 1, o2: 2, o3: 3, p: 4 });
		expect(g.stages).toEqual([
			{ stage: 'activity', firstLayer: 0, lastLayer: 0 },
			{ stage: 'outcome', firstLayer: 1, lastLayer: 3 },
			{ stage: 'pathway', firstLayer: 4, lastLayer: 4 },
		]);
	});

	test('keeps the data order of nodes and edges and gives edges the collection ids', () => {
		const g = toGraph([node('b', 'activity'), node('a', 'activity'), node('o', 'outcome')], [edge('b', 'o'), edge('a', 'o')], STAGES);
		expect(g.nodes.map((n) => n.id)).toEqual(['b', 'a', 'o']);
		expect(g.edges.map((e) => e.id)).toEqual(['b--o', 'a--o']);
	});

	test.each([
		['an unknown stage', [node('a', 'output')], [], /stage "output"/],
		['a link to a missing node', [node('a', 'activity')], [edge('a', 'x')], /"a--x" ends at a missing node/],
		['a link from a missing node', [node('a', 'activity')], [edge('x', 'a')], /"x--a" starts at a missing node/],
		['a link running backwards', [node('a', 'activity'), node('o', 'outcome')], [edge('o', 'a')], /runs backwards \(outcome → activity\)/],
		['a repeated link', [node('a', 'activity'), node('o', 'outcome')], [edge('a', 'o'), edge('a', 'o')], /"a--o" appears twice/],
		['a repeated node', [node('a', 'activity'), node('a', 'activity')], [], /node "a" appears twice/],
		['a cycle inside a stage', [node('o1', 'outcome'), node('o2', 'outcome')], [edge('o1', 'o2'), edge('o2', 'o1')], /cycle o\d → o\d → o\d/],
	])('rejects %s, naming it', (_, nodes, edges, message) => {
		expect(() => toGraph(nodes as NodeInput[], edges as EdgeInput[], STAGES)).toThrow(message);
	});
});

describe('wrapLabel', () => {
	test('estimates width from per-character advances', () => {
		expect(textWidth('', 15)).toBe(0);
		expect(textWidth('iiii', 10)).toBeLessThan(textWidth('mmmm', 10));
		expect(textWidth('ab', 20)).toBeCloseTo(textWidth('a', 20) + textWidth('b', 20));
		expect(textWidth('Ab', 20)).toBeCloseTo(2 * textWidth('Ab', 10));
	});

	test('breaks between words, every line within the width, no word lost', () => {
		const label = 'Community trust, empowerment and belonging';
		// 120 units still fits the longest word, "empowerment", so nothing needs splitting.
		for (const width of [120, 160, 400]) {
			const lines = wrapLabel(label, width, 15);
			expect(lines.join(' ')).toBe(label);
			for (const line of lines) expect(textWidth(line, 15)).toBeLessThanOrEqual(width);
		}
		expect(wrapLabel(label, 400, 15)).toEqual([label]);
		expect(wrapLabel(label, 160, 15).length).toBeGreaterThan(1);
	});

	test('splits a word that cannot fit on a line with a hyphen rather than overflow', () => {
		const lines = wrapLabel('Organisational', 50, 15);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.slice(0, -1).every((l) => l.endsWith('-'))).toBe(true);
		expect(lines.map((l) => l.replace(/-$/, '')).join('')).toBe('Organisational');
		for (const line of lines) expect(textWidth(line, 15)).toBeLessThanOrEqual(50);
	});
});

describe('pathsThrough', () => {
	// a1 → o1 → p1 → i1, a2 → o1, a2 → o2 → p2 → i1, and a1 → p2 skipping o1.
	const links = [edge('a1', 'o1'), edge('a2', 'o1'), edge('a2', 'o2'), edge('o1', 'p1'), edge('o2', 'p2'), edge('a1', 'p2'), edge('p1', 'i1'), edge('p2', 'i1')];

	test('one node: everything upstream and downstream of it, and nothing else', () => {
		const { nodes, edges } = pathsThrough(links, ['o1']);
		expect([...nodes].sort()).toEqual(['a1', 'a2', 'i1', 'o1', 'p1']);
		expect([...edges].sort()).toEqual(['a1--o1', 'a2--o1', 'o1--p1', 'p1--i1']);
	});

	test('a link between an upstream and a downstream node that skips the chosen node is not on a path through it', () => {
		// Through p1: a1 is upstream (via o1) and i1 downstream, but a1 → p2 → i1 does not pass p1.
		const { edges } = pathsThrough(links, ['p1']);
		expect(edges.has('a1--p2')).toBe(false);
		expect(edges.has('p2--i1')).toBe(false);
		expect([...edges].sort()).toEqual(['a1--o1', 'a2--o1', 'o1--p1', 'p1--i1']);
	});

	test('several nodes: only what connects them in between, and the outer sides of the outermost', () => {
		// A finding about a2 and p2: a2 → o2 → p2 and p2's impact, but not a2's other branch
		// (o1, p1), nor p2's other source (a1).
		const { nodes, edges } = pathsThrough(links, ['a2', 'p2']);
		expect([...nodes].sort()).toEqual(['a2', 'i1', 'o2', 'p2']);
		expect([...edges].sort()).toEqual(['a2--o2', 'o2--p2', 'p2--i1']);
	});

	test('unconnected chosen nodes each keep their own paths', () => {
		const { nodes } = pathsThrough(links, ['o1', 'o2']);
		expect([...nodes].sort()).toEqual(['a1', 'a2', 'i1', 'o1', 'o2', 'p1', 'p2']);
	});

	test('no chosen node, nothing lit', () => {
		expect(pathsThrough(links, [])).toEqual({ nodes: new Set(), edges: new Set() });
	});
});

describe('countCrossings', () => {
	test('counts segments that swap order between two layers', () => {
		const chains = new Map([
			['a--d', ['a', 'd']],
			['b--c', ['b', 'c']],
		]);
		expect(countCrossings({ layers: [['a', 'b'], ['c', 'd']], chains })).toBe(1);
		expect(countCrossings({ layers: [['a', 'b'], ['d', 'c']], chains })).toBe(0);
	});

	test('shared ends are not crossings', () => {
		const chains = new Map([
			['a--c', ['a', 'c']],
			['a--d', ['a', 'd']],
			['b--d', ['b', 'd']],
		]);
		expect(countCrossings({ layers: [['a', 'b'], ['c', 'd']], chains })).toBe(0);
	});

	test('a long link crosses through the dummy points of the layers it skips', () => {
		const g = toGraph(
			[node('a1', 'activity'), node('a2', 'activity'), node('o1', 'outcome'), node('p1', 'pathway'), node('p2', 'pathway')],
			[edge('a1', 'p2'), edge('a2', 'o1'), edge('o1', 'p1')],
			STAGES,
		);
		const order = inputOrder(g);
		const dummy = dummyKey('a1--p2', 1);
		expect(order.layers).toEqual([['a1', 'a2'], ['o1', dummy], ['p1', 'p2']]);
		expect(order.chains.get('a1--p2')).toEqual(['a1', dummy, 'p2']);
		// a1 is above a2 but its dummy is below o1: one crossing in the first gap, none after.
		expect(countCrossings(order)).toBe(1);
	});
});
