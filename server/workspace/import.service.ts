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

/** An item of the file with what happens to it; `from` is its name in the file. */
interface Plan<T> {
  item: T;
  decision: Decision;
  from: string;
}

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

  /** Decides each of a list of `kind` items that clashes with what `exists`; a new name is free both in the file and in the store. */
  const decideAll = <T extends { name: string }>(items: T[], path: PathSegment[], kind: string, exists: (name: string) => boolean, where = '') => {
    const names = new Set(items.map((item) => item.name));
    return items.map((item, index): Plan<T> => {
      const what = `${kind} "${item.name}"${where}`;
      const decision = decide(exists(item.name), [...path, index], what, (name) => !names.has(name) && !exists(name), item.name);
      if (decision.action === 'rename') names.add(decision.name);
      return { item, decision, from: item.name };
    });
  };

  // 1. Decide every clash, and give renamed items their new names inside the file.
  const key = (...parts: string[]) => JSON.stringify(parts);
  type Application = Workspace['applications'][number];
  const tablePlans: Array<Plan<Application['tables'][number]> & { application: string }> = [];
  const flowPlans: Array<Plan<Application['actionflows'][number]> & { application: string }> = [];
  workspace.applications.forEach((application, a) => {
    const exists = stores.applications.find(application.name) !== undefined;
    const where = ` in application "${application.name}"`;
    const withApplication = <T>(plan: Plan<T>) => ({ ...plan, application: application.name });
    tablePlans.push(
      ...decideAll(
        application.tables,
        ['applications', a, 'tables'],
        'table',
        (name) => exists && stores.tables.find(application.name, name) !== undefined,
        where,
      ).map(withApplication),
    );
    flowPlans.push(
      ...decideAll(
        application.actionflows,
        ['applications', a, 'actionflows'],
        'actionflow',
        (name) => exists && stores.flows.find(application.name, name) !== undefined,
        where,
      ).map(withApplication),
    );
  });
  const renames = (plans: Array<Plan<{ name: string }> & { application: string }>) =>
    new Map(plans.flatMap(({ application, from, decision }) => (decision.action === 'rename' ? [[key(application, from), decision.name]] : [])));
  const renamedTables = renames(tablePlans);
  const renamedFlows = renames(flowPlans);
  for (const plan of flowPlans) {
    plan.item.nodes = plan.item.nodes.map((node) => {
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
  for (const plan of [...tablePlans, ...flowPlans]) if (plan.decision.action === 'rename') plan.item.name = plan.decision.name;

  const { security } = workspace;
  const users = decideAll(security.users, ['security', 'users'], 'user', (n) => stores.security.findUser(n) !== undefined);
  const groups = decideAll(security.userGroups, ['security', 'userGroups'], 'user group', (n) => stores.security.findUserGroup(n) !== undefined);
  const roles = decideAll(security.roles, ['security', 'roles'], 'role', (n) => stores.security.findRole(n) !== undefined);
  const secretKeys = decideAll(security.secretKeys, ['security', 'secretKeys'], 'secret key', (n) => stores.security.findSecretKey(n) !== undefined);
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
    /** Stores each planned item (`save` creates or replaces it) and records what happened to it. */
    const applyPlans = <P extends Plan<{ name: string }> & { application?: string }>(
      plans: P[],
      kind: ImportChange['kind'],
      save: (plan: P, replace: boolean) => void,
    ) => {
      for (const plan of plans) {
        const { item, decision, from, application } = plan;
        const where = application === undefined ? {} : { application };
        if (decision.action === 'skip') {
          record({ kind, ...where, name: item.name, action: 'skipped' });
          continue;
        }
        save(plan, decision.action === 'replace');
        record(
          decision.action === 'rename'
            ? { kind, ...where, name: from, action: 'renamed', newName: item.name }
            : { kind, ...where, name: item.name, action: decision.action === 'replace' ? 'replaced' : 'created' },
        );
      }
    };
    applyPlans(tablePlans, 'table', ({ item: table, application }, replace) => {
      if (replace) stores.tables.replaceTable(application, table.name, table.columns, table.rows);
      else stores.tables.replaceRows(stores.tables.create(application, table.name, table.columns).id, table.rows);
    });
    applyPlans(flowPlans, 'actionflow', ({ item: flow, application }, replace) => {
      if (replace) stores.flows.update(application, flow.name, flow);
      else stores.flows.create(application, flow);
    });
    applyPlans(users, 'user', ({ item }) => stores.security.saveUser(item));
    applyPlans(groups, 'user group', ({ item }) => stores.security.saveUserGroup(item));
    applyPlans(roles, 'role', ({ item }) => stores.security.saveRole(item));
    applyPlans(secretKeys, 'secret key', ({ item }) => stores.security.saveSecretKey(item));
    if (options.dryRun) throw new DryRun();
  };

  try {
    stores.transaction(apply);
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return { dryRun: options.dryRun ?? false, changes };
}
