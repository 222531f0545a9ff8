/** How a reply's status is coloured: success, accepted (an async run going on), client error, server error. */
export function statusTone(status: number): 'success' | 'info' | 'warning' | 'error' {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warning';
  if (status === 202 || status < 200 || status >= 300) return 'info';
  return 'success';
}

/** A size in bytes for people: 512 B, 3.2 KB, 1.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A duration for people: 12 ms, 1.25 s. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** A JSON body laid out on lines (two-space indent), or null when the body is not JSON. */
export function prettyJsonBody(body: string, contentType: string): string | null {
  if (!/json/i.test(contentType) && !/^\s*[[{]/.test(body)) return null;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return null;
  }
}
