/** The reply a `response` node makes: sent as it is instead of the JSON reply (DESIGN §4). */
export interface ResponseReply {
  statusCode: number;
  headers: Record<string, string | string[]>;
  contentType: string;
  /** The body as sent: objects and arrays already serialized as JSON. */
  body: string;
}
