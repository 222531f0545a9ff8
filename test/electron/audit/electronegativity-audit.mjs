#!/usr/bin/env node
// `npm run audit:electron`: Electronegativity over electron/, offline, for the installed Electron
// version. Exits non-zero when a finding is not in accepted-findings.json (each entry says why it
// is accepted, as docs/security.md does) or an accepted one no longer occurs.
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(import.meta.url);

/** Checks that need the network: the list of Electron releases, for "a newer Electron has security fixes". */
const ONLINE_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** The installed Electron's version, e.g. "45.5.0". */
export function installedElectronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/**
 * Electronegativity fetches translations over HTTP on every run, whatever the options; answer
 * that request with a failure before it leaves, so the audit never touches the network.
 */
function keepOffline() {
  const runnerPath = require.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(runnerPath).resolve('got');
  const offline = () => Promise.reject(new Error('the audit runs offline'));
  const stub = Object.assign(offline, { head: offline, default: offline, __esModule: true });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: stub };
  const runner = require(runnerPath);
  return runner.default ?? runner;
}

/** A copy of `folder` in which `.cts` files are `.ts`: Electronegativity reads only .js/.ts/.jsx/.tsx/.html. */
function scannableCopy(folder) {
  const copy = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  cpSync(folder, copy, { recursive: true });
  const renamed = new Map();
  for (const entry of readdirSync(copy, { recursive: true })) {
    const name = String(entry);
    if (!name.endsWith('.cts')) continue;
    renameSync(join(copy, name), join(copy, name.replace(/\.cts$/, '.ts')));
    renamed.set(name.replace(/\.cts$/, '.ts'), name);
  }
  return { copy, renamed };
}

/** Runs Electronegativity over `folder`; findings name files relative to it. */
export async function auditFolder(folder, electronVersion = installedElectronVersion()) {
  const run = keepOffline();
  const { copy, renamed } = scannableCopy(folder);
  const chatter = console.log;
  console.log = () => undefined;
  try {
    const result = await run({ input: copy, electronVersionOverride: electronVersion, isRelative: true, excludeFromScan: ONLINE_CHECKS });
    const findings = result.issues.map((issue) => ({
      id: issue.id,
      file: renamed.get(issue.file) ?? issue.file,
      line: issue.location.line,
      description: issue.description,
    }));
    const unreadable = result.errors.filter((error) => !error.tolerable).map((error) => `${error.file}: ${error.message}`);
    return { findings, unreadable, checks: result.globalChecks + result.atomicChecks };
  } finally {
    console.log = chatter;
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Splits findings into those accepted (by check id and file) and the rest; lists accepted entries that no longer match. */
export function compareWithAccepted(findings, accepted) {
  const matches = (entry, finding) => entry.id === finding.id && entry.file === finding.file;
  return {
    unexplained: findings.filter((finding) => !accepted.some((entry) => matches(entry, finding))),
    stale: accepted.filter((entry) => !findings.some((finding) => matches(entry, finding))),
  };
}

async function main() {
  const version = installedElectronVersion();
  const accepted = JSON.parse(readFileSync(new URL('./accepted-findings.json', import.meta.url), 'utf8'));
  const { findings, unreadable, checks } = await auditFolder(join(ROOT, 'electron'), version);
  const { unexplained, stale } = compareWithAccepted(findings, accepted);
  for (const problem of unreadable) console.error(`electronegativity could not read ${problem}`);
  for (const finding of unexplained) console.error(`unexplained finding ${finding.id} at electron/${finding.file}:${finding.line}: ${finding.description}`);
  for (const entry of stale)
    console.error(`accepted finding ${entry.id} in electron/${entry.file} no longer occurs: remove it from accepted-findings.json and docs/security.md`);
  if (unreadable.length + unexplained.length + stale.length > 0) {
    console.error('audit:electron failed: fix each finding, or accept it with a reason in test/electron/audit/accepted-findings.json and docs/security.md');
    return 1;
  }
  console.log(
    `audit:electron: ${checks} Electronegativity checks over electron/ for Electron ${version}: ${findings.length} findings, each accepted with a reason (docs/security.md)`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then((code) => process.exit(code));
}
