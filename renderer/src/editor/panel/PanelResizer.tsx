import type { KeyboardEvent, PointerEvent } from 'react';
import { PANEL_MAX_HEIGHT, PANEL_MIN_HEIGHT } from './panel.slice.js';

const KEY_STEP = 24;

/**
 * The top edge of the bottom panel: drag it (or focus it and press the arrow keys, Home or End) to
 * make the panel taller or shorter. A `separator` with its value, so assistive technology can use it.
 */
export function PanelResizer({ height, onResize }: { height: number; onResize: (height: number) => void }) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startY = event.clientY;
    const startHeight = height;
    const move = (moved: globalThis.PointerEvent) => onResize(startHeight + (startY - moved.clientY));
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowUp: height + KEY_STEP, ArrowDown: height - KEY_STEP, Home: PANEL_MAX_HEIGHT, End: PANEL_MIN_HEIGHT }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onResize(next);
  };
  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the panel"
      aria-valuenow={height}
      aria-valuemin={PANEL_MIN_HEIGHT}
      aria-valuemax={PANEL_MAX_HEIGHT}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
