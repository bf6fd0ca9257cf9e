/**
 * Site-internal URLs. Every internal link goes through `withBase` so the site works when it
 * is hosted under a sub-path (Astro's `base`, e.g. `/lcsi/`).
 */

/** Prefix a root-relative path with `base`; leave external, relative and fragment links alone. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
	if (!path.startsWith('/') || path.startsWith('//')) return path;
	const prefix = base.replace(/\/+$/, '');
	if (prefix && (path === prefix || path.startsWith(`${prefix}/`))) return path;
	return `${prefix}${path}`;
}

/** Strip `base` from a path so it can be compared with site paths such as `/findings/`. */
export function withoutBase(path: string, base: string = import.meta.env.BASE_URL): string {
	const prefix = base.replace(/\/+$/, '');
	if (prefix && path.startsWith(`${prefix}/`)) return path.slice(prefix.length);
	return path;
}

/** The absolute URL of a site path, for canonical links, citations and social cards. */
export function absoluteUrl(path: string, site: URL | string, base: string = import.meta.env.BASE_URL): string {
	return new URL(withBase(path, base), site).href;
}

/**
 * An SVG as a `data:` URL, as short as it is valid: double quotes become single, and only the
 * characters a URL may not hold as they are (spaces, <, >, #, % and the like) are escaped.
 */
export function svgDataUrl(svg: string): string {
	const text = svg.trim().replace(/\s+/g, ' ').replaceAll('"', "'");
	return `data:image/svg+xml,${text.replace(/[^\w'()*+,./:;=?@!$&~-]/g, (c) => encodeURIComponent(c))}`;
}
