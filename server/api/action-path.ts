import { normalizeName } from '../../shared/names.js';

/** A path of the incoming API, decoded (DESIGN §5). `application` is absent in the version 10 form. */
export type ActionPath =
  | { kind: 'trigger'; instance: string; application?: string; actionflow: string }
  | { kind: 'poll'; instance: string; application?: string; actionflow: string; processId: string }
  /** Under `/{instance}/api/1/action/` but of no known shape. */
  | { kind: 'other'; instance: string };

/** Printable ASCII but for `%` and space: a segment that decodes and normalizes to itself. */
const PLAIN_SEGMENT = /^[!-$&-~]*$/;

export type PathParse = { ok: true; path: ActionPath } | { ok: false; message: string };

/**
 * Parses `/{instance}/api/1/action/...`; undefined for a path that is not the incoming API's
 * (the designer's, for one). A path ending in `/trigger` is always a trigger. Malformed
 * percent-encoding is a problem (400).
 */
export function parseActionPath(pathname: string): PathParse | undefined {
  const segments = pathname.split('/');
  if (segments.length < 5 || segments[0] !== '' || segments[2] !== 'api' || segments[3] !== '1' || segments[4] !== 'action') return undefined;
  const decoded: string[] = [];
  for (const segment of [segments[1]!, ...segments.slice(5)]) {
    // Most segments are plain ASCII with nothing to decode, trim or normalize.
    if (PLAIN_SEGMENT.test(segment)) {
      decoded.push(segment);
      continue;
    }
    try {
      decoded.push(normalizeName(decodeURIComponent(segment)));
    } catch {
      return { ok: false, message: `the path has malformed percent-encoding in "${segment}"; encode names with encodeURIComponent (a space is %20)` };
    }
  }
  const [instance, ...rest] = decoded as [string, ...string[]];
  return { ok: true, path: shapeOf(instance, rest, segments.slice(5)) };
}

function shapeOf(instance: string, rest: string[], raw: string[]): ActionPath {
  const last = raw[raw.length - 1];
  if (last === 'trigger') {
    if (rest.length === 2) return { kind: 'trigger', instance, actionflow: rest[0]! };
    if (rest.length === 3) return { kind: 'trigger', instance, application: rest[0]!, actionflow: rest[1]! };
  } else if (raw[raw.length - 2] === 'poll') {
    if (rest.length === 3) return { kind: 'poll', instance, actionflow: rest[0]!, processId: rest[2]! };
    if (rest.length === 4) return { kind: 'poll', instance, application: rest[0]!, actionflow: rest[1]!, processId: rest[3]! };
  }
  return { kind: 'other', instance };
}
