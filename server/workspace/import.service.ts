import type { ImportChange, ImportSummary, OnConflict } from '../../shared/dto/workspace.dto.js';
import { mapStrings, renameSecretKeyIn } from '../../shared/expressions/secret-references.js';
import { formatJsonPath, type PathSegment } from '../../shared/json-path.js';
import { flowReferenceOf, tableReferenceOf, withFlowReference, withTableReference } from '../../shared/node-types/references.js';
import type { Problem } from '../../shared/problem.js';
import type { Workspace } from '../../shared/schemas/workspace.schema.js';
import { ConflictError } from '../errors/conflict.error.js';
import { ValidationError } from '../errors/validation.error.js';
import type { Stores } from '../storage/stores.js';
import { freeName } from './workspace.service.js';

export interface ImportOptions {
  onConflict?: OnConflict;
  /** Work out and report the changes, then roll them back. */
  dryRun?: boolean;
}

/** The problems (of flows that are not live) and warnings a successful import reports, when there are any. */
export function checkLists(parsed: { problems: Problem[]; warnings: Problem[] }): Pick<ImportSummary, 'problems' | 'warnings'> {
  return { ...(parsed.problems.length ? { problems: parsed.problems } : {}), ...(parsed.warnings.length ? { warnings: parsed.warnings } : {}) };
}

type Decision = { action: 'create' } | { action: 'replace' } | { action: 'skip' } | { action: 'rename'; name: string };

class DryRun extends Error {}

/**
 * Imports a parsed workspace file (DESIGN §3) in one transaction: applications merge by name;
 * each clashing actionflow, table and security entry is decided by `onConflict`. Any problem
 * (a clash under `fail`, a reference to something that exists nowhere) refuses the whole file,
 * each problem named by its JSON path, and nothing changes.
 */
export function importWorkspace(stores: Stores, input: Workspace, options: ImportOptions = {}): ImportSummary {
  const onConflict = options.onConflict ?? 'fail';
  const workspace = structuredClone(input);
  const problems: Problem[] = [];
  const changes: ImportChange[] = [];

  const decide = (exists: boolean, path: PathSegment[], what: string, isFree: (name: string) => boolean, name: string): Decision => {
    if (!exists) return { action: 'create' };
    switch (onConflict) {
      case 'fail':
        problems.push({ path: formatJsonPath([...path, 'name']), message: `${what} already exists; import with on-conflict replace, rename or skip` });
        return { action: 'skip' };
      case 'rename':
        return { action: 'rename', name: freeName(name, (candidate) => !isFree(candidate)) };
      default:
        return { action: onConflict };
    }
  };

  // 1. Decide every clash, and give renamed items their new names inside the file.
  const key = (...parts: string[]) => JSON.stringify(parts);
  const tablePlans: Array<{ application: string; table: Workspace['applications'][number]['tables'][number]; original: string; decision: Decision }> = [];
  const flowPlans: Array<{ application: string; flow: Workspace['applications'][number]['actionflows'][number]; original: string; decision: Decision }> = [];
  const renamedTables = new Map<string, string>();
  const renamedFlows = new Map<string, string>();
  workspace.applications.forEach((application, a) => {
    const exists = stores.applications.find(application.name) !== undefined;
    const fileTables = new Set(application.tables.map((t) => t.name));
    application.tables.forEach((table, t) => {
      const clash = exists && stores.tables.find(application.name, table.name) !== undefined;
      const decision = decide(
        clash,
        ['applications', a, 'tables', t],
        `table "${table.name}" in application "${application.name}"`,
        (name) => !fileTables.has(name) && !(exists && stores.tables.find(application.name, name)),
        table.name,
      );
      if (decision.action === 'rename') {
        fileTables.add(decision.name);
        renamedTables.set(key(application.name, table.name), decision.name);
      }
      tablePlans.push({ application: application.name, table, original: table.name, decision });
    });
    const fileFlows = new Set(application.actionflows.map((f) => f.name));
    application.actionflows.forEach((flow, f) => {
      const clash = exists && stores.flows.find(application.name, flow.name) !== undefined;
      const decision = decide(
        clash,
        ['applications', a, 'actionflows', f],
        `actionflow "${flow.name}" in application "${application.name}"`,
        (name) => !fileFlows.has(name) && !(exists && stores.flows.find(application.name, name)),
        flow.name,
      );
      if (decision.action === 'rename') {
        fileFlows.add(decision.name);
        renamedFlows.set(key(application.name, flow.name), decision.name);
      }
      flowPlans.push({ application: application.name, flow, original: flow.name, decision });
    });
  });
  for (const plan of flowPlans) {
    plan.flow.nodes = plan.flow.nodes.map((node) => {
      let next = node;
      const table = tableReferenceOf(next);
      const newTable = table === undefined ? undefined : renamedTables.get(key(plan.application, table));
      if (newTable !== undefined) next = withTableReference(next, newTable);
      const target = flowReferenceOf(next);
      const newFlow = target && renamedFlows.get(key(target.application, target.actionflow));
      if (target && newFlow !== undefined) next = withFlowReference(next, { application: target.application, actionflow: newFlow });
      return next;
    });
  }
  for (const plan of tablePlans) if (plan.decision.action === 'rename') plan.table.name = plan.decision.name;
  for (const plan of flowPlans) if (plan.decision.action === 'rename') plan.flow.name = plan.decision.name;

  const { security } = workspace;
  const securityDecisions = <T extends { name: string }>(items: T[], field: string, kind: ImportChange['kind'], exists: (name: string) => boolean) => {
    const names = new Set(items.map((item) => item.name));
    return items.map((item, index) => {
      const decision = decide(exists(item.name), ['security', field, index], `${kind} "${item.name}"`, (name) => !names.has(name) && !exists(name), item.name);
      if (decision.action === 'rename') names.add(decision.name);
      return { item, decision, from: item.name };
    });
  };
  const users = securityDecisions(security.users, 'users', 'user', (n) => stores.security.findUser(n) !== undefined);
  const groups = securityDecisions(security.userGroups, 'userGroups', 'user group', (n) => stores.security.findUserGroup(n) !== undefined);
  const roles = securityDecisions(security.roles, 'roles', 'role', (n) => stores.security.findRole(n) !== undefined);
  const secretKeys = securityDecisions(security.secretKeys, 'secretKeys', 'secret key', (n) => stores.security.findSecretKey(n) !== undefined);
  for (const { item, decision, from } of users) {
    if (decision.action !== 'rename') continue;
    item.name = decision.name;
    for (const group of security.userGroups) group.users = group.users.map((user) => (user === from ? decision.name : user));
  }
  for (const { item, decision, from } of groups) {
    if (decision.action !== 'rename') continue;
    item.name = decision.name;
    for (const role of security.roles) role.userGroups = role.userGroups.map((group) => (group === from ? decision.name : group));
  }
  for (const { item, decision } of roles) if (decision.action === 'rename') item.name = decision.name;
  for (const { item, decision, from } of secretKeys) {
    if (decision.action !== 'rename') continue;
    item.name = decision.name;
    for (const application of workspace.applications) {
      for (const flow of application.actionflows) {
        flow.nodes = flow.nodes.map((node) => ({ ...node, config: mapStrings(node.config, (text) => renameSecretKeyIn(text, from, decision.name)) }));
      }
    }
  }

  // 2. References inside security must name something that will exist.
  const userNames = new Set([...stores.security.users().map((u) => u.name), ...security.users.map((u) => u.name)]);
  const groupNames = new Set([...stores.security.userGroups().map((g) => g.name), ...security.userGroups.map((g) => g.name)]);
  const applicationNames = new Set([...stores.applications.list().map((a) => a.name), ...workspace.applications.map((a) => a.name)]);
  security.userGroups.forEach((group, g) =>
    group.users.forEach((user, u) => {
      if (!userNames.has(user))
        problems.push({
          path: formatJsonPath(['security', 'userGroups', g, 'users', u]),
          message: `user "${user}" exists neither in the file nor in the workspace`,
        });
    }),
  );
  security.roles.forEach((role, r) => {
    role.userGroups.forEach((group, g) => {
      if (!groupNames.has(group))
        problems.push({
          path: formatJsonPath(['security', 'roles', r, 'userGroups', g]),
          message: `user group "${group}" exists neither in the file nor in the workspace`,
        });
    });
    if (role.application !== undefined && !applicationNames.has(role.application)) {
      problems.push({
        path: formatJsonPath(['security', 'roles', r, 'application']),
        message: `application "${role.application}" exists neither in the file nor in the workspace`,
      });
    }
  });

  if (problems.length > 0) {
    const clashes = problems.some((p) => p.message.includes('already exists'));
    throw clashes
      ? new ConflictError(`the import was refused: ${problems.length} problem(s); nothing was changed`, problems)
      : new ValidationError(`the import was refused: ${problems.length} problem(s); nothing was changed`, problems);
  }

  // 3. Write, all or nothing.
  const record = (change: ImportChange) => changes.push(change);
  const apply = () => {
    for (const application of workspace.applications) {
      const existing = stores.applications.find(application.name);
      if (!existing) {
        stores.applications.create(application.name, application.description);
        record({ kind: 'application', name: application.name, action: 'created' });
      } else {
        if (onConflict === 'replace' && existing.description !== application.description)
          stores.applications.update(application.name, { description: application.description });
        record({ kind: 'application', name: application.name, action: 'merged' });
      }
    }
    for (const { application, table, original, decision } of tablePlans) {
      if (decision.action === 'skip') {
        record({ kind: 'table', application, name: table.name, action: 'skipped' });
      } else if (decision.action === 'replace') {
        stores.tables.replaceTable(application, table.name, table.columns, table.rows);
        record({ kind: 'table', application, name: table.name, action: 'replaced' });
      } else {
        const created = stores.tables.create(application, table.name, table.columns);
        stores.tables.replaceRows(created.id, table.rows);
        record(
          decision.action === 'rename'
            ? { kind: 'table', application, name: original, action: 'renamed', newName: table.name }
            : { kind: 'table', application, name: table.name, action: 'created' },
        );
      }
    }
    for (const { application, flow, original, decision } of flowPlans) {
      if (decision.action === 'skip') {
        record({ kind: 'actionflow', application, name: flow.name, action: 'skipped' });
      } else if (decision.action === 'replace') {
        stores.flows.update(application, flow.name, flow);
        record({ kind: 'actionflow', application, name: flow.name, action: 'replaced' });
      } else {
        stores.flows.create(application, flow);
        record(
          decision.action === 'rename'
            ? { kind: 'actionflow', application, name: original, action: 'renamed', newName: flow.name }
            : { kind: 'actionflow', application, name: flow.name, action: 'created' },
        );
      }
    }
    const applySecurity = <T extends { name: string }>(
      entries: { item: T; decision: Decision; from: string }[],
      kind: ImportChange['kind'],
      save: (item: T) => void,
    ) => {
      for (const { item, decision, from } of entries) {
        if (decision.action === 'skip') {
          record({ kind, name: item.name, action: 'skipped' });
          continue;
        }
        save(item);
        record(
          decision.action === 'rename'
            ? { kind, name: from, action: 'renamed', newName: item.name }
            : { kind, name: item.name, action: decision.action === 'replace' ? 'replaced' : 'created' },
        );
      }
    };
    applySecurity(users, 'user', (user) => stores.security.saveUser(user));
    applySecurity(groups, 'user group', (group) => stores.security.saveUserGroup(group));
    applySecurity(roles, 'role', (role) => stores.security.saveRole(role));
    applySecurity(secretKeys, 'secret key', (secretKey) => stores.security.saveSecretKey(secretKey));
    if (options.dryRun) throw new DryRun();
  };

  try {
    stores.transaction(apply);
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return { dryRun: options.dryRun ?? false, changes };
}
