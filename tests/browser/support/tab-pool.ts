/**
 * A few browser tabs shared by many page visits: `pool.use((tab) => …)` runs the work in an
 * idle tab (opening one if fewer than `size` are open) and waits for a free one otherwise.
 * Opening a tab is the slowest step of looking at a page on the 2-core machine, and a few
 * visits side by side keep both cores busy while each waits on the network or a timer.
 */
import type { Browser } from 'playwright-core';
import { limit } from '../../../scripts/lib/limit.ts';
import { openTab, type Tab, type TabOptions } from './browser.ts';

export interface TabPool {
	use<T>(work: (tab: Tab) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export function tabPool(browser: Browser, size: number, options: TabOptions): TabPool {
	const idle: Tab[] = [];
	const slot = limit(size);
	return {
		use: (work) =>
			slot(async () => {
				const tab = idle.pop() ?? (await openTab(browser, options));
				try {
					return await work(tab);
				} finally {
					idle.push(tab);
				}
			}),
		close: async () => {
			await Promise.all(idle.splice(0).map((tab) => tab.close()));
		},
	};
}
