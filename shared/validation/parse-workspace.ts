import { formatJsonPath, type PathSegment } from '../json-path.js';
import { TOO_DEEP, tooDeepAt } from '../nesting-depth.js';
import { problemsFromZod, type Problem } from '../problem.js';
import { actionflowSchema } from '../schemas/actionflow.schema.js';
import { WORKSPACE_FORMAT, WORKSPACE_FORMAT_VERSION, workspaceSchema, type Workspace } from '../schemas/workspace.schema.js';
import { checkActionflow } from './check-actionflow.js';
import { checkFlow } from './check-flow.js';
import { combinedScope, scopeOf, type CheckScope, type ScopeSource } from './check-scope.js';
import { flowKey, liveFlowKeys, type FlowInPlace } from './live-flows.js';

/**
 * A parsed file. With full checks, `problems` on success are those of flows that would not be
 * live (imported all the same, DESIGN §4), and `warnings` never refuse.
 */
export type WorkspaceParseResult =
  { ok: true; workspace: Workspace; problems: Problem[]; warnings: Problem[] } | { ok: false; problems: Problem[]; warnings: Problem[] };

/** Full checks (DESIGN §4 "Checked before it is live"): against the file, and the workspace when given. */
export interface FullCheck {
  workspace?: CheckScope;
  /** The stored flows, so that one of them calling a flow of the file makes that flow live. */
  storedFlows?: readonly FlowInPlace[];
}

/**
 * Earlier format versions and how each becomes the next; version 1 is the first, so there are none yet.
 * A migration takes the raw document of version N and returns one of version N + 1.
 */
const MIGRATIONS: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {};

/** Parses workspace file text: JSON, then `parseWorkspace`. */
export function parseWorkspaceText(text: string, full?: FullCheck): WorkspaceParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refused([{ path: '$', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return parseWorkspace(raw, full);
}

const refused = (problems: Problem[], warnings: Problem[] = []): WorkspaceParseResult => ({ ok: false, problems, warnings });

/**
 * Validates a workspace document (DESIGN §3): format, version (migrating older ones), schema, every
 * flow's graph, unique names; with `full`, every flow fully too (DESIGN §4), and the file is refused
 * only when a flow that would be live has a problem. Every problem is listed at once.
 */
export function parseWorkspace(raw: unknown, full?: FullCheck): WorkspaceParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return refused([{ path: '$', message: 'a workspace file is a JSON object' }]);
  }
  let document = raw as Record<string, unknown>;
  if (document.format !== WORKSPACE_FORMAT) {
    return refused([{ path: '$.format', message: `format must be "${WORKSPACE_FORMAT}", got ${JSON.stringify(document.format) ?? 'nothing'}` }]);
  }
  const version = document.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refused([{ path: '$.formatVersion', message: `formatVersion must be a whole number from 1, got ${JSON.stringify(version) ?? 'nothing'}` }]);
  }
  if (version > WORKSPACE_FORMAT_VERSION) {
    return refused([
      {
        path: '$.formatVersion',
        message: `formatVersion ${version} is newer than this version of Actionflow Studio reads (${WORKSPACE_FORMAT_VERSION}); update Actionflow Studio to import it`,
      },
    ]);
  }
  for (let v = version; v < WORKSPACE_FORMAT_VERSION; v++) document = MIGRATIONS[v]!(document);

  const deep = tooDeepAt(document);
  if (deep) return refused([{ path: formatJsonPath(deep), message: TOO_DEEP }]);
  const parsed = workspaceSchema.safeParse(document);
  if (!parsed.success) {
    // The flows that parse on their own are still checked, so one refusal lists every problem.
    return refused([...problemsFromZod(parsed.error), ...(full ? flowProblemsOfUnparsed(document, full) : [])]);
  }
  const workspace = parsed.data;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const scope = full && scopeFor(workspace, full);
  const fileFlows = workspace.applications.flatMap((application) => application.actionflows.map((flow) => ({ application: application.name, flow })));
  const inFile = new Set(fileFlows.map((entry) => flowKey(entry.application, entry.flow.name)));
  const stored = (full?.storedFlows ?? []).filter((entry) => !inFile.has(flowKey(entry.application, entry.flow.name)));
  const live = liveFlowKeys([...fileFlows, ...stored]);
  let blocking = false;

  duplicateNames(workspace.applications, ['applications'], 'application', problems);
  workspace.applications.forEach((application, a) => {
    duplicateNames(application.tables, ['applications', a, 'tables'], 'table', problems);
    duplicateNames(application.actionflows, ['applications', a, 'actionflows'], 'actionflow', problems);
  });
  blocking = problems.length > 0;
  workspace.applications.forEach((application, a) => {
    application.actionflows = application.actionflows.map((flow, f) => {
      const prefix = ['applications', a, 'actionflows', f];
      const checked = scope ? checkFlow(flow, application.name, scope, prefix) : { ...checkActionflow(flow, prefix), warnings: [] };
      problems.push(...checked.problems);
      warnings.push(...checked.warnings);
      if (checked.problems.length > 0 && (!scope || live.has(flowKey(application.name, flow.name)))) blocking = true;
      return checked.flow;
    });
  });
  const { security } = workspace;
  duplicateNames(security.users, ['security', 'users'], 'user', problems);
  duplicateNames(security.userGroups, ['security', 'userGroups'], 'user group', problems);
  duplicateNames(security.roles, ['security', 'roles'], 'role', problems);
  duplicateNames(security.secretKeys, ['security', 'secretKeys'], 'secret key', problems);

  return blocking ? refused(problems, warnings) : { ok: true, workspace, problems, warnings };
}

function scopeFor(workspace: Workspace, full: FullCheck): CheckScope {
  const own = scopeOf(workspace);
  return full.workspace ? combinedScope(own, full.workspace) : own;
}

/** The problems of each flow that parses on its own in a document whose schema failed. */
function flowProblemsOfUnparsed(document: Record<string, unknown>, full: FullCheck): Problem[] {
  const applications = Array.isArray(document.applications) ? (document.applications as unknown[]) : [];
  const source: ScopeSource = { applications: [] };
  const flows: { application: string; index: [number, number]; flow: ReturnType<typeof actionflowSchema.parse> }[] = [];
  applications.forEach((raw, a) => {
    const application = (raw ?? {}) as { name?: unknown; tables?: unknown; actionflows?: unknown };
    if (typeof application.name !== 'string') return;
    const tables = (Array.isArray(application.tables) ? application.tables : []).flatMap((table: { name?: unknown; columns?: unknown }) =>
      typeof table?.name === 'string'
        ? [
            {
              name: table.name,
              columns: (Array.isArray(table.columns) ? table.columns : []).filter((c: { name?: unknown }) => typeof c?.name === 'string') as { name: string }[],
            },
          ]
        : [],
    );
    const parsedFlows: ReturnType<typeof actionflowSchema.parse>[] = [];
    (Array.isArray(application.actionflows) ? application.actionflows : []).forEach((rawFlow: unknown, f: number) => {
      const flow = actionflowSchema.safeParse(rawFlow);
      if (!flow.success) return;
      parsedFlows.push(flow.data);
      flows.push({ application: application.name as string, index: [a, f], flow: flow.data });
    });
    source.applications = [...source.applications, { name: application.name, tables, actionflows: parsedFlows }];
  });
  const own = scopeOf(source);
  const scope = full.workspace ? combinedScope(own, full.workspace) : own;
  return flows.flatMap(({ application, index: [a, f], flow }) => checkFlow(flow, application, scope, ['applications', a, 'actionflows', f]).problems);
}

function duplicateNames(items: readonly { name: string }[], path: PathSegment[], kind: string, problems: Problem[]): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.name)) problems.push({ path: formatJsonPath([...path, index, 'name']), message: `${kind} "${item.name}" appears twice` });
    seen.add(item.name);
  });
}
