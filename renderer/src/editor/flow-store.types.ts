import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import type { FlowDocument } from '../../../shared/dto/workspace.dto.js';
import type { ApiSettings } from '../../../shared/schemas/actionflow.schema.js';
import type { FlowClipboard } from './flow-clipboard.js';
import type { ActionflowNodeData, CanvasEdge, CanvasNode, FlowDraft } from './flow-model.js';
import type { FlowProblems } from './validate-draft.js';

/** A save refused because the flow changed elsewhere since this edit began. */
export interface SaveConflict {
  message: string;
  currentRevision: number | undefined;
}

export interface FlowEditorData extends FlowDraft {
  application: string;
  /** The flow's name on the server: it changes only when a save renames the flow. */
  savedName: string;
  /** The revision this edit is based on, sent with the save. */
  baseRevision: number;
  /** `draftKey` of the flow as last loaded or saved. */
  savedKey: string;
  /** True when the draft differs from what the server holds. */
  dirty: boolean;
  problems: FlowProblems;
  saving: boolean;
  conflict: SaveConflict | null;
}

export interface FlowEditorActions {
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  /** Adds a node of `type` with its defaults at `position`, selected; returns its id. */
  addNode: (type: string, position: { x: number; y: number }) => string;
  /** Puts a node just dropped, connected to nothing, into the connection it was dropped on (if any). */
  dropOnConnection: (id: string) => void;
  updateNode: (id: string, patch: Partial<Pick<ActionflowNodeData, 'name' | 'config'>>) => void;
  /** Changes the flow's own settings (name, description, endpoint settings). */
  updateFlow: (patch: Partial<{ name: string; description: string; api: ApiSettings | undefined }>) => void;
  selectOnly: (id: string | null) => void;
  selectAll: () => void;
  deleteSelection: () => void;
  copySelection: () => FlowClipboard | null;
  paste: (clipboard: FlowClipboard) => void;
  autoLayout: () => void;
  /**
   * Groups the changes until `endEdit` into one undo step (a drag, typing in a field).
   * Calls nest; only the outermost pair counts.
   */
  beginEdit: () => void;
  endEdit: () => void;
  undo: () => void;
  redo: () => void;
  /** Adopts what the server saved (config defaults filled in, a new revision), keeping selection and undo. */
  markSaved: (document: FlowDocument) => void;
  /** Replaces the draft with the server's flow, dropping local edits and undo history. */
  reload: (document: FlowDocument) => void;
  setSaving: (saving: boolean) => void;
  setConflict: (conflict: SaveConflict | null) => void;
}

export type FlowEditorState = FlowEditorData & FlowEditorActions;
