import { headersToSend, isAuthorization, type TryItRequest } from './try-it-request.js';

/** What a copied command says instead of the key unless the key is asked for: a shell variable to set. */
export const KEY_PLACEHOLDER = '$API_KEY';

/** Quotes a word for a POSIX shell: inside single quotes, with each `'` written as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The request as a curl command to paste into a terminal. The key (or any Authorization header) is
 * written out only when `includeKey` is set; otherwise the header reads `Bearer $API_KEY`, in double
 * quotes so the shell fills it in.
 */
export function curlCommand(request: TryItRequest, url: string, apiKey: string, includeKey: boolean): string {
  const parts = [`${request.method === 'GET' ? 'curl' : 'curl -X POST'} ${shellQuote(url)}`];
  for (const [name, value] of headersToSend(request, apiKey)) {
    if (isAuthorization(name) && !includeKey) parts.push(`-H "Authorization: Bearer ${KEY_PLACEHOLDER}"`);
    else parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (request.method === 'POST' && request.body !== '') parts.push(`--data-raw ${shellQuote(request.body)}`);
  return parts.join(' \\\n  ');
}

/** The poll of an async run as a curl command: a GET of its poll URL with only the request's key. */
export function pollCurlCommand(request: TryItRequest, pollUrl: string, apiKey: string, includeKey: boolean): string {
  return curlCommand({ ...request, method: 'GET', headers: request.headers.filter((row) => isAuthorization(row.name)) }, pollUrl, apiKey, includeKey);
}
