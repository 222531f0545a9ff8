import { SECRET_MASK } from '../security/secret-masker.js';
import { credentialForms, credentialValuesOfHeaders, credentialValuesOfUrl, CREDENTIAL_HEADERS, CREDENTIAL_PARAMETERS } from './credentials.js';

type Headers = Record<string, string | string[] | undefined>;

/** Query parameters whose names say they carry a credential (DESIGN §6): their values are masked in any URL. */
const CREDENTIAL_QUERY = new RegExp(`([?&](?:${[...CREDENTIAL_PARAMETERS].join('|')})=)[^&#\\s"'<>\\\\]+`, 'gi');

/**
 * Masks what a console message must not hold (DESIGN §6): the values of credential headers of the
 * request and of every outgoing call (and of `set-cookie` replies), by value wherever they occur
 * and in their common encodings; any value under a credential header's name; and the values of
 * credential-named query parameters in URLs. It learns values as the run goes (`note`), so a
 * message is masked with every credential seen before it was made.
 */
export class RunMasker {
  private readonly values = new Set<string>();
  private forms: readonly string[] = [];

  /** Learns the credentials of a request or a reply: its credential headers and its URL's credential parameters. */
  note(headers: Headers | Iterable<[string, string]>, url?: string): this {
    const found = credentialValuesOfHeaders(headers);
    if (url !== undefined) found.push(...credentialValuesOfUrl(url));
    return this.remember(found);
  }

  /** The credential values learnt so far, for a masker elsewhere (the front masks the reply it logs with them). */
  known(): string[] {
    return [...this.values];
  }

  /** Learns credential values as they are (from `known()` of another masker). */
  remember(values: Iterable<string>): this {
    let added = false;
    for (const value of values) {
      if (this.values.has(value)) continue;
      this.values.add(value);
      added = true;
    }
    if (added) this.forms = longestFirst(new Set([...this.values].flatMap(credentialForms)));
    return this;
  }

  /** `text` with every known credential (in any of its forms) and every credential query value masked. */
  text(text: string): string {
    let masked = text;
    for (const form of this.forms) if (masked.includes(form)) masked = masked.replaceAll(form, SECRET_MASK);
    return masked.includes('=') ? masked.replace(CREDENTIAL_QUERY, `$1${SECRET_MASK}`) : masked;
  }

  /** A copy of `value` with every string masked as `text` does and every credential header's value replaced by the mask. */
  value(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    const masked: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      masked[key] = CREDENTIAL_HEADERS.has(key.toLowerCase()) && item !== undefined && item !== null ? SECRET_MASK : this.value(item);
    }
    return masked;
  }
}

function longestFirst(values: Set<string>): readonly string[] {
  return [...values].sort((a, b) => b.length - a.length);
}
