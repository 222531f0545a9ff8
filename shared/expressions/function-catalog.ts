/** A `$` function an expression can call: how it is called and what it does, for completion and messages. */
export interface ExpressionFunction {
  name: string;
  /** How it is called, e.g. `$substring(text, start, length?)`. */
  signature: string;
  description: string;
  /** Bound by Actionflow Studio (DESIGN §4) rather than built into JSONata. */
  studio?: true;
}

const studio = (name: string, parameters: string, description: string): ExpressionFunction => ({
  name,
  signature: `$${name}(${parameters})`,
  description,
  studio: true,
});
const builtIn = (name: string, parameters: string, description: string): ExpressionFunction => ({ name, signature: `$${name}(${parameters})`, description });

/** Every `$` function of an expression: Actionflow Studio's helpers first, then JSONata's own. */
export const EXPRESSION_FUNCTIONS: readonly ExpressionFunction[] = [
  studio('parseJson', 'text', 'Strict JSON text as a value (never evaluated as an expression)'),
  studio('queryParams', 'url', 'The query of a URL as an object; a repeated key gives an array'),
  studio('debug', 'value, label?', 'Writes a Debug message to the console; returns the value'),
  studio('warning', 'text', 'Writes a Warning message to the console; returns the text'),
  studio('error', 'message', 'Fails the record with the message'),
  builtIn('sum', 'numbers', 'The sum of an array of numbers'),
  builtIn('count', 'array', 'The number of items'),
  builtIn('max', 'numbers', 'The largest number'),
  builtIn('min', 'numbers', 'The smallest number'),
  builtIn('average', 'numbers', 'The mean of an array of numbers'),
  builtIn('string', 'value, prettify?', 'A value as text (objects and arrays as JSON)'),
  builtIn('substring', 'text, start, length?', 'Part of a text'),
  builtIn('substringBefore', 'text, chars', 'The text before the first occurrence of chars'),
  builtIn('substringAfter', 'text, chars', 'The text after the first occurrence of chars'),
  builtIn('lowercase', 'text', 'The text in lower case'),
  builtIn('uppercase', 'text', 'The text in upper case'),
  builtIn('length', 'text', 'The number of characters'),
  builtIn('trim', 'text', 'The text without leading, trailing and repeated whitespace'),
  builtIn('pad', 'text, width, char?', 'The text padded to a width (negative pads on the left)'),
  builtIn('match', 'text, pattern, limit?', 'The matches of a regular expression'),
  builtIn('contains', 'text, pattern', 'Whether the text contains a string or matches a pattern'),
  builtIn('replace', 'text, pattern, replacement, limit?', 'The text with matches replaced'),
  builtIn('split', 'text, separator, limit?', 'The text split into an array'),
  builtIn('join', 'texts, separator?', 'An array of texts joined into one'),
  builtIn('formatNumber', 'number, picture, options?', 'A number as text by a picture, e.g. "#,##0.00"'),
  builtIn('formatBase', 'number, radix?', 'A number as text in another base'),
  builtIn('formatInteger', 'number, picture', 'A whole number as text by a picture'),
  builtIn('parseInteger', 'text, picture', 'A whole number read from text by a picture'),
  builtIn('number', 'value', 'A text or boolean as a number'),
  builtIn('floor', 'number', 'Rounded down'),
  builtIn('ceil', 'number', 'Rounded up'),
  builtIn('round', 'number, precision?', 'Rounded half to even'),
  builtIn('abs', 'number', 'The absolute value'),
  builtIn('sqrt', 'number', 'The square root'),
  builtIn('power', 'base, exponent', 'The base raised to the exponent'),
  builtIn('random', '', 'A random number from 0 to 1'),
  builtIn('boolean', 'value', 'A value as true or false'),
  builtIn('not', 'value', 'The opposite of $boolean(value)'),
  builtIn('map', 'array, function', 'Each item passed through the function'),
  builtIn('zip', 'array1, array2, ...', 'Arrays combined item by item'),
  builtIn('filter', 'array, function', 'The items for which the function is true'),
  builtIn('single', 'array, function?', 'The one item that matches; an error otherwise'),
  builtIn('reduce', 'array, function, init?', 'The items folded into one value'),
  builtIn('sift', 'object, function?', 'The key/value pairs for which the function is true'),
  builtIn('keys', 'object', 'The keys of an object'),
  builtIn('lookup', 'object, key', 'The value of a key'),
  builtIn('append', 'array1, array2', 'Two arrays joined'),
  builtIn('exists', 'value', 'Whether the value is defined'),
  builtIn('spread', 'object', 'An object as an array of one-key objects'),
  builtIn('merge', 'objects', 'An array of objects merged into one'),
  builtIn('reverse', 'array', 'The items in reverse order'),
  builtIn('each', 'object, function', 'The function applied to each key/value pair'),
  builtIn('assert', 'condition, message?', 'Fails with the message unless the condition holds'),
  builtIn('type', 'value', 'The type of a value: "string", "number", "object", ...'),
  builtIn('sort', 'array, function?', 'The items in order'),
  builtIn('shuffle', 'array', 'The items in random order'),
  builtIn('distinct', 'array', 'The items without repeats'),
  builtIn('base64encode', 'text', 'The text in base64'),
  builtIn('base64decode', 'text', 'Base64 decoded to text'),
  builtIn('encodeUrlComponent', 'text', 'The text percent-encoded for a URL component'),
  builtIn('encodeUrl', 'text', 'A URL percent-encoded'),
  builtIn('decodeUrlComponent', 'text', 'A percent-encoded URL component decoded'),
  builtIn('decodeUrl', 'text', 'A percent-encoded URL decoded'),
  builtIn('eval', 'expression, context?', 'Evaluates JSONata text'),
  builtIn('toMillis', 'timestamp, picture?', 'An ISO 8601 timestamp as milliseconds since 1970'),
  builtIn('fromMillis', 'millis, picture?, timezone?', 'Milliseconds since 1970 as an ISO 8601 timestamp'),
  builtIn('now', 'picture?, timezone?', 'The time the evaluation started, as an ISO 8601 timestamp'),
  builtIn('millis', '', 'The time the evaluation started, as milliseconds since 1970'),
  builtIn('clone', 'value', 'A deep copy'),
];

const byName = new Map(EXPRESSION_FUNCTIONS.map((fn) => [fn.name, fn]));

/** The `$` function called `name` (without `$`), if there is one. */
export function findExpressionFunction(name: string): ExpressionFunction | undefined {
  return byName.get(name);
}
