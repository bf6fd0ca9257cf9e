/**
 * Where the two builds the browser tests read live, and the base the sub-path one is built
 * under. LCSI_TEST_DIST / LCSI_TEST_SUB_DIST point the tests at other build folders.
 */
export const DIST = process.env.LCSI_TEST_DIST ?? 'dist';
export const SUB_DIST = process.env.LCSI_TEST_SUB_DIST ?? 'dist-sub';
export const SUB_BASE = '/lcsi/';
