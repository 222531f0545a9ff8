import { useReactFlow } from '@xyflow/react';
import { Search } from 'lucide-react';
import { useState, type DragEvent } from 'react';
import { Input, SearchField } from 'react-aria-components';
import { categoryClass } from '../canvas/ActionflowNodeView.js';
import { NODE_TYPE_MIME } from '../canvas/FlowCanvas.js';
import { NodeIcon } from '../canvas/NodeIcon.js';
import { useFlowEditor, useFlowStoreApi } from '../flow-store-context.js';
import { freeSpot } from './free-spot.js';
import { paletteGroups } from './palette-search.js';
import { NodeHelp } from './NodeHelp.js';

/**
 * Every node type of the registry, by category. Drag one onto the canvas, or click it (or press
 * Enter on it) to add it in the middle of the view.
 */
export function Palette() {
  const { addNode, hasApiInput } = useFlowEditor((state) => ({
    addNode: state.addNode,
    hasApiInput: state.nodes.some((node) => node.data.type === 'apiInput'),
  }));
  const { screenToFlowPosition } = useReactFlow();
  const [search, setSearch] = useState('');
  const store = useFlowStoreApi();
  const shown = paletteGroups(search);

  const addAtCentre = (type: string) => {
    const bounds = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = bounds ? { x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 } : { x: 400, y: 300 };
    const position = screenToFlowPosition(centre);
    // Not on top of a node already in the middle: the first free place below it.
    addNode(type, freeSpot(store.getState().nodes, { x: Math.round(position.x - 104), y: Math.round(position.y - 30) }));
  };

  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(NODE_TYPE_MIME, type);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label="Node types">
      <h2 className="panel-title">Nodes</h2>
      <SearchField className="palette-search" aria-label="Search node types" value={search} onChange={setSearch}>
        <Search size={14} aria-hidden="true" className="input-leading-icon" />
        <Input className="input palette-search-input" placeholder="Search" />
      </SearchField>
      {shown.length === 0 && <p className="palette-empty">No node type matches “{search}”.</p>}
      {shown.map((group) => (
        <section key={group.category} className="palette-group">
          <h3 className="palette-group-title">{group.category}</h3>
          <ul className="palette-list">
            {group.matches.map(({ type, hint }) => {
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
                    title={taken ? 'A flow has only one.' : undefined}
                    data-node-type={type.type}
                  >
                    <span className="palette-item-icon">
                      <NodeIcon path={type.icon} size={14} />
                    </span>
                    <span className="palette-item-label">
                      {type.label}
                      {hint && <span className="palette-item-hint">{hint}</span>}
                    </span>
                  </button>
                  <NodeHelp type={type} />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
