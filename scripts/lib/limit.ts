/**
 * Run async work at most `n` at a time: `const slot = limit(2); await slot(() => work())`.
 * The machine has two cores; tests that build sites or drive Chromium use this so that
 * running side by side helps rather than thrashes.
 */
export function limit(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
	let running = 0;
	const waiting: (() => void)[] = [];
	return async (fn) => {
		if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
		running++;
		try {
			return await fn();
		} finally {
			running--;
			waiting.shift()?.();
		}
	};
}
