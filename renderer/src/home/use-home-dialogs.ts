import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ApplicationSummary, FlowSummary, TableSummary } from '../../../shared/dto/workspace.dto.js';
import { notifyWarnings } from '../app/notify-warnings.js';
import { useStudioStore } from '../state/studio-store.js';
import { notify } from '../ui/notifications.js';
import type { DeleteRequest } from './DeleteDialog.js';
import type { NameDialogRequest } from './NameDialog.js';
import { newEndpointFlow, newPlainFlow } from './new-flows.js';

/** "1 row", "36 rows". */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The home's create, rename, duplicate and delete actions, each opening the dialog that asks what it needs. */
export function useHomeDialogs() {
  const { client, workspace, loadWorkspace, navigate } = useStudioStore(
    useShallow((state) => ({ client: state.client, workspace: state.workspace, loadWorkspace: state.loadWorkspace, navigate: state.navigate })),
  );
  const [nameRequest, setNameRequest] = useState<NameDialogRequest | null>(null);
  const [deleteRequest, setDeleteRequest] = useState<DeleteRequest | null>(null);
  const api = client!;
  const applications = workspace?.applications.map((app) => app.name) ?? [];
  const done = async (message: string) => {
    await loadWorkspace();
    notify({ tone: 'success', title: message });
  };

  return {
    nameRequest,
    deleteRequest,
    closeName: () => setNameRequest(null),
    closeDelete: () => setDeleteRequest(null),

    newApplication: () =>
      setNameRequest({
        title: 'New application',
        label: 'Name',
        initial: '',
        submitLabel: 'Create',
        submit: async (name) => {
          await api.createApplication(name);
          await done(`Created application “${name}”`);
        },
      }),
    renameApplication: (app: ApplicationSummary) =>
      setNameRequest({
        title: `Rename “${app.name}”`,
        label: 'New name',
        initial: app.name,
        submitLabel: 'Rename',
        submit: async (name) => {
          await api.renameApplication(app.name, name);
          await done(`Renamed to “${name}”`);
        },
      }),
    deleteApplication: (app: ApplicationSummary) =>
      setDeleteRequest({
        what: `application “${app.name}” with ${count(app.actionflows.length, 'actionflow')} and ${count(app.tables.length, 'table')}`,
        references: async () => (await api.applicationReferences(app.name)).references,
        remove: async (confirmed) => {
          await api.deleteApplication(app.name, confirmed);
          await done(`Deleted application “${app.name}”`);
        },
      }),

    newEndpoint: (application?: string) =>
      setNameRequest({
        title: 'New API Endpoint',
        label: 'Endpoint name',
        initial: '',
        submitLabel: 'Create and open',
        applications,
        allowNewApplication: true,
        ...(application ? { application } : {}),
        submit: async (name, app) => {
          // An application chosen as "New application…" is created first.
          if (!applications.includes(app)) await api.createApplication(app);
          const created = await api.createFlow(app, newEndpointFlow(name));
          notifyWarnings(created);
          await loadWorkspace();
          navigate({ view: 'flow', application: created.application, flow: created.flow.name });
        },
      }),
    newFlow: (application: string) =>
      setNameRequest({
        title: 'New actionflow',
        label: 'Name',
        initial: '',
        submitLabel: 'Create and open',
        submit: async (name) => {
          const created = await api.createFlow(application, newPlainFlow(name));
          await loadWorkspace();
          navigate({ view: 'flow', application: created.application, flow: created.flow.name });
        },
      }),
    renameFlow: (application: string, flow: FlowSummary) =>
      setNameRequest({
        title: `Rename “${flow.name}”`,
        label: 'New name',
        initial: flow.name,
        submitLabel: 'Rename',
        submit: async (name) => {
          await api.renameFlow(application, flow.name, name);
          await done(`Renamed to “${name}”; calls to it follow`);
        },
      }),
    duplicateFlow: async (application: string, flow: FlowSummary) => {
      const copy = await api.duplicateFlow(application, flow.name);
      notifyWarnings(copy);
      await done(`Duplicated as “${copy.flow.name}”`);
    },
    deleteFlow: (application: string, flow: FlowSummary) =>
      setDeleteRequest({
        what: `actionflow “${flow.name}”`,
        references: async () => (await api.flowReferences(application, flow.name)).references,
        remove: async (confirmed) => {
          await api.deleteFlow(application, flow.name, confirmed);
          await done(`Deleted “${flow.name}”`);
        },
      }),

    newTable: (application: string) =>
      setNameRequest({
        title: 'New table',
        label: 'Table name',
        initial: '',
        submitLabel: 'Create',
        submit: async (name) => {
          await api.createTable(application, name);
          await done(`Created table “${name}”`);
        },
      }),
    renameTable: (application: string, table: TableSummary) =>
      setNameRequest({
        title: `Rename table “${table.name}”`,
        label: 'New name',
        initial: table.name,
        submitLabel: 'Rename',
        submit: async (name) => {
          await api.renameTable(application, table.name, name);
          await done(`Renamed to “${name}”; nodes that use it follow`);
        },
      }),
    deleteTable: (application: string, table: TableSummary) =>
      setDeleteRequest({
        what: `table “${table.name}” and its ${count(table.rowCount, 'row')}`,
        references: async () => (await api.tableReferences(application, table.name)).references,
        remove: async (confirmed) => {
          await api.deleteTable(application, table.name, confirmed);
          await done(`Deleted table “${table.name}”`);
        },
      }),
  };
}

export type HomeDialogs = ReturnType<typeof useHomeDialogs>;
