/** Headers whose values are credentials (DESIGN §6), lower-case. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'set-cookie']);

/** Query parameters whose names say they carry a credential (DESIGN §6), lower-case. */
export const CREDENTIAL_PARAMETERS: ReadonlySet<string> = new Set([
  'access_token',
  'token',
  'api_key',
  'apikey',
  'key',
  'password',
  'secret',
  'signature',
  'sig',
  'client_secret',
  'code',
]);

/** Shorter values are masked only where they stand under a credential's name: by value they would mask ordinary words. */
export const MIN_MASKED_LENGTH = 8;

/** The credential values in headers (any case of names; a Headers object's entries too), each at least `MIN_MASKED_LENGTH` long. */
export function credentialValuesOfHeaders(headers: Record<string, string | string[] | undefined> | Iterable<[string, string]>): string[] {
  const values: string[] = [];
  const entries = Symbol.iterator in headers ? headers : Object.entries(headers);
  for (const [rawName, raw] of entries) {
    const name = rawName.toLowerCase();
    if (!CREDENTIAL_HEADERS.has(name) || raw === undefined) continue;
    for (const value of Array.isArray(raw) ? raw : [raw]) values.push(...valuesOfHeader(name, value));
  }
  return values.filter((value) => value.length >= MIN_MASKED_LENGTH);
}

/** The values (as given and decoded) of a URL's credential-named query parameters. */
export function credentialValuesOfUrl(url: string): string[] {
  const query = url.indexOf('?');
  if (query < 0) return [];
  const values: string[] = [];
  for (const pair of url
    .slice(query + 1)
    .split('#')[0]!
    .split('&')) {
    const equals = pair.indexOf('=');
    if (equals < 0 || !CREDENTIAL_PARAMETERS.has(pair.slice(0, equals).toLowerCase())) continue;
    const raw = pair.slice(equals + 1);
    values.push(raw, decoded(raw));
  }
  return values.filter((value) => value.length >= MIN_MASKED_LENGTH);
}

/** A credential as it may appear elsewhere: as is, escaped in JSON, in base64 (and base64url), percent-encoded. */
export function credentialForms(value: string): string[] {
  const base64 = Buffer.from(value).toString('base64');
  const forms = [
    value,
    JSON.stringify(value).slice(1, -1),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(value).toString('base64url'),
    encodeURIComponent(value),
    encodeURIComponent(value).replaceAll('%20', '+'),
  ];
  return [...new Set(forms)].filter((form) => form.length >= MIN_MASKED_LENGTH);
}

function valuesOfHeader(name: string, value: string): string[] {
  const trimmed = value.trim();
  if (name === 'cookie') return trimmed.split(';').map((pair) => cookieValue(pair));
  if (name === 'set-cookie') return [cookieValue(trimmed.split(';')[0] ?? '')];
  if (name === 'x-api-key') return [trimmed];
  return [trimmed, ...authorizationParts(trimmed)];
}

/** `Bearer X` gives X; `Basic X` gives X, the `user:password` it encodes, and the password. */
function authorizationParts(value: string): string[] {
  const space = value.indexOf(' ');
  if (space < 0) return [];
  const scheme = value.slice(0, space).toLowerCase();
  const credential = value.slice(space + 1).trim();
  if (scheme !== 'basic') return [credential];
  const pair = Buffer.from(credential, 'base64').toString('utf8');
  const colon = pair.indexOf(':');
  return colon < 0 ? [credential, pair] : [credential, pair, pair.slice(colon + 1)];
}

function cookieValue(pair: string): string {
  const equals = pair.indexOf('=');
  const value = (equals < 0 ? pair : pair.slice(equals + 1)).trim();
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}
