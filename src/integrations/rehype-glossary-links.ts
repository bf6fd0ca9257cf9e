/**
 * Links the first use of each glossary term on a page to its definition
 * (`/definitions/glossary/#<id>`), so authors never hand-link terms and every page does it
 * the same way. Terms come from `content/glossary.yaml`, the same file the glossary page reads.
 */
import { readFileSync } from 'node:fs';
import type { Element, ElementContent, Root, Text } from 'hast';
import { load } from 'js-yaml';
import { SKIP, visit } from 'unist-util-visit';

export interface GlossaryTerm {
	id: string;
	term: string;
	aka?: string[];
	/** The one-line definition, carried on the link for the in-page preview. */
	short?: string;
}

/** Elements whose text must not become a glossary link. */
const skipTags = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'button', 'svg', 'blockquote', 'dfn']);

/**
 * Forms with two or more capitals (VCS, LCSI, "Council for Voluntary Service") match exactly;
 * ordinary words ("cold spot") match in any case.
 */
function isCaseSensitive(form: string): boolean {
	return /[A-Z].*[A-Z]/.test(form);
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface TermMatcher {
	regex: RegExp;
	idFor(match: string): string | undefined;
}

/** Build one regular expression over every term and alias, longest first. */
export function termMatcher(terms: GlossaryTerm[]): TermMatcher {
	const byForm = new Map<string, string>();
	for (const t of terms) {
		for (const form of [t.term, ...(t.aka ?? [])]) {
			byForm.set(isCaseSensitive(form) ? form : form.toLowerCase(), t.id);
		}
	}
	const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
	const regex = new RegExp(`(?<![\\w-])(${forms.map(escape).join('|')})(?![\\w-])`, 'gi');
	return {
		regex,
		// Exact first (acronyms); then the lower-case form, which only ordinary words are stored
		// under, so "vcs" never finds "VCS" but "Cold Spot" finds "cold spot".
		idFor(match) {
			return byForm.get(match) ?? byForm.get(match.toLowerCase());
		},
	};
}

export function readGlossary(path: string): GlossaryTerm[] {
	const data = load(readFileSync(path, 'utf8'));
	if (!Array.isArray(data)) throw new Error(`${path}: expected a list of terms`);
	return data as GlossaryTerm[];
}

export default function rehypeGlossaryLinks(options: { glossaryPath?: string; terms?: GlossaryTerm[]; href?: (id: string) => string }) {
	const terms = options.terms ?? readGlossary(options.glossaryPath ?? 'content/glossary.yaml');
	const matcher = termMatcher(terms);
	const href = options.href ?? ((id: string) => `/definitions/glossary/#${id}`);
	const definitions = new Map(terms.map((t) => [t.id, t.short]));

	return (tree: Root) => {
		const linked = new Set<string>();
		visit(tree, (node, index, parent) => {
			if (node.type === 'element' && (skipTags.has(node.tagName) || 'dataNoGlossary' in (node.properties ?? {}))) return SKIP;
			if (node.type !== 'text' || !parent || index === undefined) return;
			const pieces = splitText(node as Text, matcher, linked, href, definitions);
			if (!pieces) return;
			parent.children.splice(index, 1, ...pieces);
			return [SKIP, index + pieces.length];
		});
	};
}

/** Split one text node around first uses of terms; `undefined` when nothing matched. */
function splitText(node: Text, matcher: TermMatcher, linked: Set<string>, href: (id: string) => string, definitions: Map<string, string | undefined>): ElementContent[] | undefined {
	const out: ElementContent[] = [];
	let last = 0;
	matcher.regex.lastIndex = 0;
	for (const m of node.value.matchAll(matcher.regex)) {
		const text = m[0];
		// The regex ignores case; `idFor` puts it back for acronyms, so "vcs" is not "VCS".
		const id = matcher.idFor(text);
		if (!id || linked.has(id)) continue;
		linked.add(id);
		if (m.index > last) out.push({ type: 'text', value: node.value.slice(last, m.index) });
		const link: Element = {
			type: 'element',
			tagName: 'a',
			properties: { href: href(id), className: ['glossary-term'], dataDefinition: definitions.get(id) },
			children: [{ type: 'text', value: text }],
		};
		out.push(link);
		last = m.index + text.length;
	}
	if (out.length === 0) return undefined;
	if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
	return out;
}
