import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { NODE_CATEGORIES } from '../../../../shared/node-types/node-type.js';
import { NODE_TYPES } from '../../../../shared/node-types/registry.js';
import { categoryClass } from '../canvas/ActionflowNodeView.js';
import { NODE_TYPE_MIME } from '../canvas/FlowCanvas.js';
import { NodeIcon } from '../canvas/NodeIcon.js';
import { useFlowEditor } from '../flow-store-context.js';

const GROUPS = NODE_CATEGORIES.map((category) => ({ category, types: NODE_TYPES.filter((type) => type.category === category) })).filter((group) => group.types.length > 0);

/**
 * Every node type of the registry, by category. Drag one onto the canvas, or click it (or press
 * Enter on it) to add it in the middle of the view.
 */
export function Palette() {
  const { addNode, hasApiInput } = useFlowEditor((state) => ({ addNode: state.addNode, hasApiInput: state.nodes.some((node) => node.data.type === 'apiInput') }));
  const { screenToFlowPosition } = useReactFlow();

  const addAtCentre = (type: string) => {
    const bounds = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = bounds ? { x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 } : { x: 400, y: 300 };
    const position = screenToFlowPosition(centre);
    addNode(type, { x: Math.round(position.x - 104), y: Math.round(position.y - 30) });
  };

  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(NODE_TYPE_MIME, type);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label="Node types">
      <h2 className="panel-title">Nodes</h2>
      {GROUPS.map((group) => (
        <section key={group.category} className="palette-group">
          <h3 className="palette-group-title">{group.category}</h3>
          <ul className="palette-list">
            {group.types.map((type) => {
              const taken = type.singleton === true && hasApiInput;
              return (
                <li key={type.type}>
                  <button
                    type="button"
                    className={`palette-item ${categoryClass(type.category)}`}
                    draggable={!taken}
                    disabled={taken}
                    onDragStart={(event) => onDragStart(event, type.type)}
                    onClick={() => addAtCentre(type.type)}
                    title={taken ? `${type.description} A flow has only one.` : type.description}
                    data-node-type={type.type}
                  >
                    <span className="palette-item-icon">
                      <NodeIcon path={type.icon} size={14} />
                    </span>
                    <span className="palette-item-label">{type.label}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
