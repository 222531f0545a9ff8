// Reads a Chromium trace (Playwright's browser.startTracing) for how long the page's main thread
// was busy, and on what: scripts, or style, layout, paint and compositing.

const SCRIPT = new Set(['EventDispatch', 'FunctionCall', 'FireAnimationFrame', 'TimerFire', 'v8.execute', 'RunMicrotasks']);
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest']);

/**
 * The renderer main thread's busy time in the trace (its top-level tasks), and the time in script
 * and in rendering work inside those tasks, in ms.
 */
export function mainThreadWork(traceText) {
  const events = JSON.parse(traceText).traceEvents ?? [];
  const main = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const onMain = events.filter((event) => event.ph === 'X' && event.dur && (!main || (event.pid === main.pid && event.tid === main.tid)));
  const total = (names) => onMain.filter((event) => names.has(event.name)).reduce((sum, event) => sum + event.dur, 0) / 1000;
  return {
    busy: total(new Set(['RunTask'])),
    script: outermost(onMain.filter((event) => SCRIPT.has(event.name))),
    rendering: total(RENDERING),
  };
}

/** The time covered by events, counting nested ones (a function call inside an event dispatch) once. */
function outermost(events) {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  let sum = 0;
  let end = -Infinity;
  for (const event of sorted) {
    const finish = event.ts + event.dur;
    if (event.ts >= end) sum += event.dur;
    else if (finish > end) sum += finish - end;
    end = Math.max(end, finish);
  }
  return sum / 1000;
}
