import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { Button as AriaButton, Tree, TreeItem, TreeItemContent, type Key } from 'react-aria-components';
import { jsonChildren, jsonKind, jsonPreview, type JsonChild } from './json-tree-nodes.js';

function JsonTreeItem({ child, expanded }: { child: JsonChild; expanded: ReadonlySet<Key> }) {
  const nested = jsonChildren(child.value, child.path);
  const open = nested !== null && expanded.has(child.path);
  const preview = jsonPreview(child.value);
  return (
    <TreeItem id={child.path} textValue={`${child.key}: ${preview}`} hasChildItems={nested !== null && nested.children.length > 0} className="json-tree-item">
      <TreeItemContent>
        {({ hasChildItems, isExpanded }) => (
          <div className="json-tree-row">
            {hasChildItems ? (
              <AriaButton slot="chevron" className="json-tree-chevron" aria-label={isExpanded ? `Collapse ${child.key}` : `Expand ${child.key}`}>
                <ChevronRight size={13} aria-hidden="true" />
              </AriaButton>
            ) : (
              <span className="json-tree-spacer" aria-hidden="true" />
            )}
            <span className="json-tree-key">{child.key}</span>
            <span className={`json-tree-value is-${jsonKind(child.value)}`}>{preview}</span>
          </div>
        )}
      </TreeItemContent>
      {open && <JsonTreeChildren nested={nested} expanded={expanded} />}
    </TreeItem>
  );
}

function JsonTreeChildren({ nested, expanded }: { nested: NonNullable<ReturnType<typeof jsonChildren>>; expanded: ReadonlySet<Key> }) {
  return (
    <>
      {nested.children.map((child) => (
        <JsonTreeItem key={child.path} child={child} expanded={expanded} />
      ))}
      {nested.hidden > 0 && (
        <TreeItem id={`${nested.children[0]?.path ?? '$'}…more`} textValue={`${nested.hidden} more`} className="json-tree-item">
          <TreeItemContent>
            <div className="json-tree-row json-tree-more">… {nested.hidden} more not shown (download the entry to see them)</div>
          </TreeItemContent>
        </TreeItem>
      )}
    </>
  );
}

/**
 * A JSON value as a collapsible tree (react-aria's Tree: arrow keys move and open, Enter toggles).
 * Objects and arrays open one level at a time, and strings that hold JSON open like them; only
 * opened levels are rendered, so a large body costs nothing until it is opened.
 */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  const [expanded, setExpanded] = useState<Set<Key>>(() => new Set());
  const root = jsonChildren(value, '$');
  if (root === null) return <code className={`json-tree-plain json-tree-value is-${jsonKind(value)}`}>{jsonPreview(value)}</code>;
  return (
    <Tree
      aria-label={label}
      className="json-tree"
      expandedKeys={expanded}
      onExpandedChange={setExpanded}
      renderEmptyState={() => <span className="json-tree-empty">{jsonPreview(value)}</span>}
    >
      <JsonTreeChildren nested={root} expanded={expanded} />
    </Tree>
  );
}
