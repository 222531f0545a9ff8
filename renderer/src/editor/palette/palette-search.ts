import { NODE_CATEGORIES, type NodeTypeDeclaration } from '../../../../shared/node-types/node-type.js';
import { NODE_TYPES } from '../../../../shared/node-types/registry.js';

/** Words Node-RED and n8n users search for, and the node type that does that job here (with how, when it is not obvious). */
const OTHER_TOOLS_WORDS: readonly { words: readonly string[]; type: string; how?: string }[] = [
  { words: ['switch', 'if', 'router', 'route', 'branch', 'condition'], type: 'gateway' },
  { words: ['function', 'set', 'change', 'transform', 'code', 'edit fields', 'map'], type: 'calculate' },
  { words: ['json', 'parse'], type: 'calculate', how: 'with $parseJson(body) in an expression' },
  { words: ['log', 'print', 'console'], type: 'debug' },
  { words: ['subflow', 'execute workflow', 'sub-workflow', 'workflow'], type: 'callFlow' },
];

/** A palette entry found by a search: the type, and what the search word means here when it matched another tool's word. */
export interface PaletteMatch {
  type: NodeTypeDeclaration;
  /** e.g. `for “switch”`, or `for “json”: with $parseJson(body) in an expression`. */
  hint?: string;
}

/** The node types matching `search` (label, type, description, or another tool's word for them), by category. */
export function paletteGroups(search: string): { category: string; matches: PaletteMatch[] }[] {
  const wanted = search.trim().toLowerCase();
  const matches: PaletteMatch[] = [];
  for (const type of NODE_TYPES) {
    if (!wanted || [type.label, type.type, type.description].some((text) => text.toLowerCase().includes(wanted))) {
      matches.push({ type });
      continue;
    }
    const word =
      wanted.length >= 2
        ? OTHER_TOOLS_WORDS.find((entry) => entry.type === type.type && entry.words.some((candidate) => candidate.startsWith(wanted)))
        : undefined;
    if (word) {
      const said = word.words.find((candidate) => candidate.startsWith(wanted))!;
      matches.push({ type, hint: word.how ? `for “${said}”: ${word.how}` : `for “${said}”` });
    }
  }
  return NODE_CATEGORIES.map((category) => ({ category, matches: matches.filter((match) => match.type.category === category) })).filter(
    (group) => group.matches.length > 0,
  );
}
