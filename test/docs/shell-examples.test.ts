import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runningServer } from '../support/running-server.js';
import { tempDir } from '../support/temp-dir.js';

const execFileAsync = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
/** The address the examples are written for; each runs against a fresh server instead. */
const DOCUMENTED_SERVER = 'http://127.0.0.1:8080';

interface Block {
  document: string;
  line: number;
  info: string;
  text: string;
  /** The text before the block, back to the previous block. */
  before: string;
}

function blocksOf(document: string): Block[] {
  const source = readFileSync(join(ROOT, document), 'utf8');
  const blocks: Block[] = [];
  const fence = /^( *)```([^\n`]*)\n([\s\S]*?)^\1```$/gm;
  let previousEnd = 0;
  for (let match = fence.exec(source); match; match = fence.exec(source)) {
    const indent = match[1]!.length;
    const text = match[3]!
      .split('\n')
      .map((line) => line.slice(indent))
      .join('\n');
    blocks.push({
      document,
      line: source.slice(0, match.index).split('\n').length,
      info: match[2]!.trim(),
      text,
      before: source.slice(previousEnd, match.index),
    });
    previousEnd = match.index + match[0].length;
  }
  return blocks;
}

const allBlocks = DOCUMENTS.flatMap(blocksOf);
const isShell = (block: Block) => /^(sh|bash|shell)\b/.test(block.info);
const needsNetwork = (block: Block) => /\bneeds-network\b/.test(block.info);
/** Commands that run the tests or the tools themselves (npm test, lint): the text before them says so. */
const notRun = (block: Block) => /\bnot-run\b/.test(block.info);
const runnable = allBlocks.filter((block) => isShell(block) && !needsNetwork(block) && !notRun(block));

/** Files a document tells the reader to save ("Save as `orders.json`"): the next JSON block after the words. */
function filesToSave(document: string): Map<string, string> {
  const files = new Map<string, string>();
  const blocks = blocksOf(document);
  blocks.forEach((block, index) => {
    for (const [, name] of block.before.matchAll(/Save as `([^`]+)`/g)) {
      const json = blocks.slice(index).find((candidate) => candidate.info === 'json');
      if (json) files.set(name!, json.text);
    }
  });
  return files;
}

describe('the shell examples of the README and docs', () => {
  it('are labelled: commands are `sh` blocks (those needing the network, or not run here, say so), synopses `text`', () => {
    const unlabelled = allBlocks.filter((block) => block.info === '' && /^(\$ )?(npm|npx|curl|\.\/bin\/actionflow|actionflow) /m.test(block.text));
    expect(unlabelled.map((block) => `${block.document}:${block.line}`)).toEqual([]);
    const unexplained = allBlocks.filter((block) => needsNetwork(block) && !/network/i.test(block.before.slice(-300)));
    expect(unexplained.map((block) => `${block.document}:${block.line}`)).toEqual([]);
    const unsaid = allBlocks.filter((block) => notRun(block) && !/does not run\s+them/.test(block.before.slice(-300)));
    expect(unsaid.map((block) => `${block.document}:${block.line}`)).toEqual([]);
    expect(runnable.length).toBeGreaterThanOrEqual(5);
  });

  it.each(runnable.map((block) => [`${block.document}:${block.line}`, block] as const))(
    '%s runs as written on a fresh data folder with the server running',
    async (_where, block) => {
      expect(existsSync(join(ROOT, 'dist/server/cli/main.js')), 'build the CLI first (npx tsc -b tsconfig.node.json)').toBe(true);
      const server = await runningServer({ seedDemo: true });
      const workDir = tempDir();
      symlinkSync(join(ROOT, 'bin'), join(workDir, 'bin'));
      for (const [name, text] of filesToSave(block.document)) writeFileSync(join(workDir, name), text);
      // curl fails on an HTTP error as well, so an example that gets a 401 or a 404 fails here.
      const script = `set -euo pipefail\ncurl() { command curl --silent --show-error --fail-with-body "$@"; }\n${block.text.replaceAll(DOCUMENTED_SERVER, server.url)}`;
      const result = await execFileAsync('bash', ['-c', script], {
        cwd: workDir,
        env: { ...process.env, ACTIONFLOW_DATA: server.dataDir },
        timeout: 120_000,
      }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
      );
      expect(result, `${block.document}:${block.line}\n${block.text}`).toMatchObject({ code: 0 });
    },
  );
});
