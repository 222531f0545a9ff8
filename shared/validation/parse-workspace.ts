import { formatJsonPath, type PathSegment } from '../json-path.js';
import { TOO_DEEP, tooDeepAt } from '../nesting-depth.js';
import { problemsFromZod, type Problem } from '../problem.js';
import { WORKSPACE_FORMAT, WORKSPACE_FORMAT_VERSION, workspaceSchema, type Workspace } from '../schemas/workspace.schema.js';
import { checkActionflow } from './check-actionflow.js';

export type WorkspaceParseResult = { ok: true; workspace: Workspace } | { ok: false; problems: Problem[] };

/**
 * Earlier format versions and how each becomes the next; version 1 is the first, so there are none yet.
 * A migration takes the raw document of version N and returns one of version N + 1.
 */
const MIGRATIONS: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {};

/** Parses workspace file text: JSON, then `parseWorkspace`. */
export function parseWorkspaceText(text: string): WorkspaceParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return parseWorkspace(raw);
}

/** Validates a workspace document (DESIGN §3): format, version (migrating older ones), schema, every flow, unique names. */
export function parseWorkspace(raw: unknown): WorkspaceParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: '$', message: 'a workspace file is a JSON object' }] };
  }
  let document = raw as Record<string, unknown>;
  if (document.format !== WORKSPACE_FORMAT) {
    return { ok: false, problems: [{ path: '$.format', message: `format must be "${WORKSPACE_FORMAT}", got ${JSON.stringify(document.format) ?? 'nothing'}` }] };
  }
  const version = document.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [{ path: '$.formatVersion', message: `formatVersion must be a whole number from 1, got ${JSON.stringify(version) ?? 'nothing'}` }] };
  }
  if (version > WORKSPACE_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [{
        path: '$.formatVersion',
        message: `formatVersion ${version} is newer than this version of Actionflow Studio reads (${WORKSPACE_FORMAT_VERSION}); update Actionflow Studio to import it`,
      }],
    };
  }
  for (let v = version; v < WORKSPACE_FORMAT_VERSION; v++) document = MIGRATIONS[v]!(document);

  const deep = tooDeepAt(document);
  if (deep) return { ok: false, problems: [{ path: formatJsonPath(deep), message: TOO_DEEP }] };
  const parsed = workspaceSchema.safeParse(document);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const workspace = parsed.data;
  const problems: Problem[] = [];

  duplicateNames(workspace.applications, ['applications'], 'application', problems);
  workspace.applications.forEach((application, a) => {
    duplicateNames(application.tables, ['applications', a, 'tables'], 'table', problems);
    duplicateNames(application.actionflows, ['applications', a, 'actionflows'], 'actionflow', problems);
    application.actionflows = application.actionflows.map((flow, f) => {
      const checked = checkActionflow(flow, ['applications', a, 'actionflows', f]);
      problems.push(...checked.problems);
      return checked.flow;
    });
  });
  const { security } = workspace;
  duplicateNames(security.users, ['security', 'users'], 'user', problems);
  duplicateNames(security.userGroups, ['security', 'userGroups'], 'user group', problems);
  duplicateNames(security.roles, ['security', 'roles'], 'role', problems);
  duplicateNames(security.secretKeys, ['security', 'secretKeys'], 'secret key', problems);

  return problems.length > 0 ? { ok: false, problems } : { ok: true, workspace };
}

function duplicateNames(items: readonly { name: string }[], path: PathSegment[], kind: string, problems: Problem[]): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.name)) problems.push({ path: formatJsonPath([...path, index, 'name']), message: `${kind} "${item.name}" appears twice` });
    seen.add(item.name);
  });
}
