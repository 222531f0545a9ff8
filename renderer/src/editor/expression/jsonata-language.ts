import { StreamLanguage, type StreamParser, type StringStream } from '@codemirror/language';

const KEYWORDS = new Set(['and', 'or', 'in', 'function']);
const ATOMS = new Set(['true', 'false', 'null']);

interface JsonataState {
  /** Inside a block comment. */
  comment: boolean;
  /** Template mode: inside a `${…}` part, and how many braces deep. */
  template: boolean;
  depth: number;
}

/** One JSONata token, or null to let the caller move on. */
function expressionToken(stream: StringStream, state: JsonataState): string | null {
  if (state.comment) {
    if (stream.skipTo('*/')) {
      stream.match('*/');
      state.comment = false;
    } else stream.skipToEnd();
    return 'comment';
  }
  if (stream.eatSpace()) return null;
  if (stream.match('/*')) {
    state.comment = true;
    return 'comment';
  }
  const ch = stream.peek()!;
  if (ch === '"' || ch === "'") {
    stream.next();
    let escaped = false;
    for (let next = stream.next(); next !== undefined; next = stream.next()) {
      if (next === ch && !escaped) break;
      escaped = !escaped && next === '\\';
    }
    return 'string';
  }
  if (ch === '`') {
    stream.next();
    if (stream.skipTo('`')) stream.next();
    else stream.skipToEnd();
    return 'propertyName';
  }
  if (stream.match(/^-?\d+(\.\d+)?([eE][+-]?\d+)?/)) return 'number';
  if (stream.match(/^\$[A-Za-z0-9_]*/)) return stream.peek() === '(' ? 'variableName.function' : 'variableName';
  if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*/)) {
    const word = stream.current();
    if (KEYWORDS.has(word)) return 'keyword';
    if (ATOMS.has(word)) return 'atom';
    return 'propertyName';
  }
  if (stream.match(/^(:=|!=|<=|>=|~>|\.\.|\?:|\?\?|[-+*/%=<>&!?:~^#@|])/)) return 'operator';
  if (state.template && ch === '{') state.depth++;
  if (state.template && ch === '}') {
    if (state.depth === 0) return null;
    state.depth--;
  }
  stream.next();
  return 'punctuation';
}

function parser(template: boolean): StreamParser<JsonataState> {
  return {
    name: template ? 'jsonata-template' : 'jsonata',
    startState: () => ({ comment: false, template: false, depth: 0 }),
    copyState: (state) => ({ ...state }),
    token(stream, state) {
      if (!template) return expressionToken(stream, state);
      if (!state.template) {
        if (stream.match('${')) {
          state.template = true;
          state.depth = 0;
          return 'meta';
        }
        stream.next();
        while (!stream.eol() && !stream.match('${', false)) stream.next();
        return 'string';
      }
      if (stream.peek() === '}' && state.depth === 0) {
        stream.next();
        state.template = false;
        return 'meta';
      }
      return expressionToken(stream, state) ?? (stream.next(), null);
    },
    languageData: { commentTokens: { block: { open: '/*', close: '*/' } } },
  };
}

/** JSONata highlighting for expression fields. */
export const jsonataLanguage = StreamLanguage.define(parser(false));

/** Highlighting for templates: text with `${expression}` parts. */
export const jsonataTemplateLanguage = StreamLanguage.define(parser(true));
