import { useEffect } from 'react';
import { useStudioStore } from '../state/studio-store.js';

/** Points Try it at the flow just opened (so it calls the endpoint being edited), until another is chosen. */
export function useTryItFollowsFlow(application: string, actionflow: string): void {
  const setTarget = useStudioStore((state) => state.setTryItTarget);
  useEffect(() => setTarget({ application, actionflow }), [setTarget, application, actionflow]);
}
