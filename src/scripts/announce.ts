/**
 * Polite announcements for screen readers through one shared live region. BaseLayout puts
 * the region in the page from the start (regions added later are often not watched).
 * Clearing then setting the text makes a repeated message ("Link copied") announce again.
 */
export function announce(message: string): void {
	let region = document.getElementById('live-announcer');
	if (!region) {
		region = document.createElement('div');
		region.id = 'live-announcer';
		region.className = 'sr-only';
		region.setAttribute('role', 'status');
		document.body.append(region);
	}
	const target = region;
	target.textContent = '';
	setTimeout(() => {
		target.textContent = message;
	}, 50);
}
