import { FirstReads } from '../api/first-reads.js';
import { parseRoute } from '../state/routes.js';
import { readSession } from './read-session.js';

/**
 * The page's session, read once as the designer's script starts (it takes the token out of the
 * address), and the reads the page opens with, sent at once. main.tsx imports this first, so that it
 * runs before the rest of the script is evaluated.
 */
export const session = readSession();
export const firstReads = session ? new FirstReads(session, parseRoute(window.location.hash)) : undefined;
