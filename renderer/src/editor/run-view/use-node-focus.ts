import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useStudioStore } from '../../state/studio-store.js';
import type { FlowStore } from '../flow-store.js';

/** Selects, and brings into view, the node a console message asked for when it is a node of this flow. */
export function useNodeFocus(store: FlowStore): void {
  const request = useStudioStore((state) => state.nodeFocus);
  const { getNode, setCenter, getZoom } = useReactFlow();
  useEffect(() => {
    if (!request) return;
    const { application, savedName, nodes, selectOnly } = store.getState();
    if (request.application !== application || request.actionflow !== savedName) return;
    useStudioStore.getState().clearNodeFocus();
    // A node of a called flow is named `callNode/inner`: its callFlow node is the one on this canvas.
    const name = request.node.split('/')[0];
    const node = nodes.find((candidate) => candidate.data.name === name);
    if (!node) return;
    selectOnly(node.id);
    const drawn = getNode(node.id);
    const width = drawn?.measured?.width ?? 208;
    const height = drawn?.measured?.height ?? 60;
    void setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(getZoom(), 0.8), duration: 200 });
  }, [request, store, getNode, setCenter, getZoom]);
}
