import { loggedBody, LOGGED_BODY_BYTES, type RunMessage } from '../engine/run-log.js';
import { maskValue } from '../engine/mask.js';
import type { StoredMessage } from '../storage/console.store.js';

/** Messages an entry keeps (DESIGN §6); later ones are counted as dropped, except the reply as sent. */
export const MAX_MESSAGES_PER_ENTRY = 500;

/**
 * The most a message's details take once serialized. Bodies inside details are capped at 64 KiB
 * where they are written; this bounds the rest (a `$debug` of a large value), keeping the start.
 */
export const MAX_DETAILS_BYTES = 2 * LOGGED_BODY_BYTES;

/** An `authorization` attribute whose value is not the mask yet. */
const UNMASKED_AUTHORIZATION = /"authorization":(?!"\*\*\*\*")/i;
const NO_SECRETS: ReadonlySet<string> = new Set();

/**
 * A message as the console stores it: text and details with every secret value masked (by
 * `mask`, which knows every stored secret value), every `authorization` attribute masked, and
 * details serialized and capped.
 */
export function storedMessage(message: RunMessage, seq: number, mask: (text: string) => string): StoredMessage {
  return {
    seq,
    kind: message.kind,
    text: mask(message.text),
    details: message.details === undefined ? null : detailsText(message.details, mask),
    at: message.at,
  };
}

function detailsText(details: unknown, mask: (text: string) => string): string | null {
  let text: string | undefined;
  try {
    text = JSON.stringify(details);
  } catch {
    // A JSONata function left in a value refers to itself; maskValue leaves functions out.
    text = JSON.stringify(maskValue(details, NO_SECRETS));
  }
  if (text === undefined) return null;
  // Most details hold no authorization attribute, and are masked as text only.
  if (UNMASKED_AUTHORIZATION.test(text)) text = JSON.stringify(maskValue(details, NO_SECRETS));
  text = mask(text);
  if (text.length * 3 <= MAX_DETAILS_BYTES) return text;
  const bytes = Buffer.byteLength(text);
  if (bytes <= MAX_DETAILS_BYTES) return text;
  return JSON.stringify({ truncated: true, bytes, json: loggedBody(text).body });
}
