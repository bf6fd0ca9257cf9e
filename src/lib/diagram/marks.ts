/**
 * The small marks of the evidence map, drawn with D3 at build time (no D3 reaches the
 * browser): a shape per kind of support, so a cell never relies on colour, and a circle whose
 * area grows with a count. Data in, SVG path data out.
 */
import { scaleSqrt, symbol, symbolCircle, symbolDiamond } from 'd3';
import type { Support } from './evidence-map.ts';

export interface Mark {
	/** SVG path data, centred on 0,0. */
	d: string;
	/** Filled (solid) or drawn as an outline. */
	filled: boolean;
}

/** Area of the support marks, in square units of a 16 × 16 box. */
const AREA = 110;

const round = (d: string) => d.replace(/-?\d+\.\d+(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100));

/**
 * States it: a filled circle. Bears on it: an outlined diamond. Not linked: a short dash.
 * The words in the cell say the same; the shapes make a column scannable at a glance.
 */
export function supportMark(support: Support): Mark {
	if (support === 'states') return { d: round(symbol(symbolCircle, AREA)()!), filled: true };
	if (support === 'bears') return { d: round(symbol(symbolDiamond, AREA * 0.8)()!), filled: false };
	return { d: 'M-4,0H4', filled: false };
}

/** Radius of a circle whose area is proportional to `count`, the largest `max` reaching `maxRadius`. */
export function countRadius(count: number, max: number, maxRadius = 9): number {
	if (count <= 0 || max <= 0) return 0;
	const r = scaleSqrt().domain([0, max]).range([0, maxRadius])(count);
	return Math.round(Math.max(r, 2) * 100) / 100;
}
