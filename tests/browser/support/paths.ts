/** Where the two builds the browser tests read live, and the sub-path one is built under. */
export const DIST = 'dist';
export const SUB_DIST = 'dist-sub';
export const SUB_BASE = '/lcsi/';
