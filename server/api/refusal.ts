import type { ServerResponse } from 'node:http';

/** Sends a refusal before a run (DESIGN §5): `{"status": "Fail", "message"}` with its status. */
export function refuse(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ status: 'Fail', message });
  response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
