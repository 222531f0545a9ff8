import { loggedBody, LOGGED_BODY_BYTES, type RunMessage } from '../engine/run-log.js';
import { maskValue } from '../engine/mask.js';
import type { RunTraceJson } from '../engine/run-trace.js';

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

/** Masks every stored secret value: in plain text, and in JSON text where it stays JSON (`serializedJsonMasker`). */
export interface StoredSecretMasks {
  text(text: string): string;
  json(json: string): string;
}

/**
 * An entry's messages as the console stores them, a JSON array of `StoredMessage`: texts and
 * details with every secret value masked (by `masks`, which know every stored secret value), every
 * `authorization` attribute masked, and details capped. Built as text, each value serialized once.
 */
export function storedMessagesJson(messages: readonly RunMessage[], masks: StoredSecretMasks): string {
  const items = messages.map((message, index) => {
    const details = message.details === undefined ? undefined : detailsText(message.details, masks);
    const text = JSON.stringify(masks.text(message.text));
    return `{"seq":${index + 1},"kind":"${message.kind}","text":${text}${details === undefined ? '' : `,"details":${details}`},"at":${message.at}}`;
  });
  return `[${items.join(',')}]`;
}

function detailsText(details: unknown, masks: StoredSecretMasks): string | undefined {
  let text: string | undefined;
  try {
    text = JSON.stringify(details);
  } catch {
    // A JSONata function left in a value refers to itself; maskValue leaves functions out.
    text = JSON.stringify(maskValue(details, NO_SECRETS));
  }
  if (text === undefined) return undefined;
  // Most details hold no authorization attribute, and are masked as JSON text only.
  if (UNMASKED_AUTHORIZATION.test(text)) text = JSON.stringify(maskValue(details, NO_SECRETS));
  text = masks.json(text);
  if (text.length * 3 <= MAX_DETAILS_BYTES) return text;
  const bytes = Buffer.byteLength(text);
  if (bytes <= MAX_DETAILS_BYTES) return text;
  return JSON.stringify({ truncated: true, bytes, json: loggedBody(text).body });
}

/** A run trace as the console stores it: JSON with every stored secret value (by `masks`) and every `authorization` attribute masked. */
export function storedTraceJson(trace: RunTraceJson, masks: StoredSecretMasks): string {
  const text = UNMASKED_AUTHORIZATION.test(trace) ? JSON.stringify(maskValue(JSON.parse(trace), NO_SECRETS)) : trace;
  return masks.json(text);
}
