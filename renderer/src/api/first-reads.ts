import type { Session } from '../session/read-session.js';
import type { Route } from '../state/routes.js';
import { flowPath } from './admin-paths.js';
import { adminUrl, requestInit } from './admin-transport.js';

/** How long a first read waits to be taken: one asked for later goes to the server again, for fresh data. */
const KEPT_MS = 10_000;

/**
 * The reads the designer makes as it opens, sent before the rest of its script runs.
 *
 * Evaluating the designer's script takes a few hundred milliseconds on a slow machine, and only
 * then does React draw the page and the page ask for what it shows. These reads (the workspace, the
 * settings and the flow the address names) go out first, so the server answers while the script is
 * still being evaluated. The transport takes each answer once, for a GET of the same address; any
 * other call, and the same read asked for again, goes to the server as usual.
 */
export class FirstReads {
  private readonly started = new Map<string, Promise<Response>>();

  constructor(session: Session, route: Route, fetchFn: typeof fetch = fetch) {
    const paths = ['/workspace', '/settings'];
    if (route.view === 'flow') paths.push(flowPath(route.application, route.flow));
    for (const path of paths) {
      const url = adminUrl(session, path);
      const answer = fetchFn(url, requestInit(session, 'GET'));
      // A read that fails is reported to whoever takes it; one never taken must not be an unhandled rejection.
      answer.catch(() => undefined);
      this.started.set(url, answer);
    }
    setTimeout(() => this.started.clear(), KEPT_MS);
  }

  /** The answer of the read of `url` under way, once; undefined when there is none (or it was taken). */
  take(url: string): Promise<Response> | undefined {
    const answer = this.started.get(url);
    this.started.delete(url);
    return answer;
  }
}
