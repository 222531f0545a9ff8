/**
 * Splits a template into literal text and `${...}` expressions. The closing brace is found by
 * counting braces outside string literals and comments, so `${ {"a": 1}.a }` works.
 */
export function splitTemplate(text: string): (string | { expression: string })[] {
  const parts: (string | { expression: string })[] = [];
  let literal = '';
  let index = 0;
  while (index < text.length) {
    const start = text.indexOf('${', index);
    if (start < 0) {
      literal += text.slice(index);
      break;
    }
    literal += text.slice(index, start);
    const end = closingBrace(text, start + 2);
    if (end < 0) throw new Error(`"\${" at character ${start + 1} has no closing "}"`);
    const expression = text.slice(start + 2, end);
    if (!expression.trim()) throw new Error(`"\${}" at character ${start + 1} holds no expression`);
    if (literal) parts.push(literal);
    literal = '';
    parts.push({ expression });
    index = end + 1;
  }
  if (literal) parts.push(literal);
  return parts;
}

function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'" || char === '`') {
      i = skipQuoted(text, i, char);
      if (i < 0) return -1;
    } else if (char === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return -1;
      i = close + 1;
    } else if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function skipQuoted(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\' && quote !== '`') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}
