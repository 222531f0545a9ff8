import { createContext, useContext } from 'react';
import type { WorkspaceSummary } from '../../../../shared/dto/workspace.dto.js';
import { formatJsonPath, type PathSegment } from '../../../../shared/json-path.js';
import type { Problem } from '../../../../shared/problem.js';

/** What every field of a properties form needs besides its own value. */
export interface FormContextValue {
  /** The flow's application, whose tables and flows the name fields suggest. */
  application: string;
  workspace: WorkspaceSummary | null;
  problems: readonly Problem[];
  /** Groups the keystrokes of one field into one undo step. */
  beginEdit: () => void;
  endEdit: () => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error('a properties field is used outside a properties form');
  return value;
}

/** The message of the problem found exactly at `path`, if any. */
export function problemAt(problems: readonly Problem[], path: readonly PathSegment[]): string | undefined {
  const wanted = formatJsonPath(path);
  return problems.find((problem) => problem.path === wanted)?.message;
}
