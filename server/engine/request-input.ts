/** The HTTP request that triggered a run, as `apiInput` turns it into a record (DESIGN §4). */
export interface RequestInput {
  /** The raw body as text ("" when none). */
  body: string;
  /** Lower-case names; a repeated header as an array. */
  headers: Record<string, string | string[]>;
  /** The Content-Type header or "". */
  contentType: string;
  /** The complete request URL. */
  url: string;
  /** The URL's query; a repeated key as an array. */
  query: Record<string, string | string[]>;
}
