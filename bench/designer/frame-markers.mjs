// Functions that run inside the page (passed to page.evaluate): they time what a user waits for,
// up to the frame in which it is painted.

/**
 * Resolves with performance.now() (ms since the page's navigation started) once the canvas shows
 * `nodes` nodes, every one measured and visible, and `edges` connections, and the frame holding
 * them has been painted (a task after the next animation frame).
 */
export function whenFlowPainted({ nodes, edges }) {
  return new Promise((resolve) => {
    const painted = () =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    const check = () => {
      const drawn = document.querySelectorAll('.react-flow__node');
      const visible = drawn.length >= nodes && [...drawn].every((node) => node.style.visibility !== 'hidden');
      if (visible && document.querySelectorAll('.react-flow__edge').length >= edges) painted();
      else requestAnimationFrame(check);
    };
    check();
  });
}

/**
 * Starts timing node moves: for each pointer move that changes the dragged node's position, the time
 * from the event (as the browser received it) to the end of the frame that paints the new position.
 */
export function startMoveTimer(nodeId) {
  const node = document.querySelector(`.react-flow__node[data-id="${nodeId}"]`);
  const timings = [];
  let last = node.style.transform;
  const onMove = (event) => {
    const received = event.timeStamp;
    requestAnimationFrame(() => {
      const moved = node.style.transform !== last;
      last = node.style.transform;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (moved) timings.push(performance.now() - received);
      };
      channel.port2.postMessage(null);
    });
  };
  window.addEventListener('pointermove', onMove, { capture: true });
  window.__designerBench = { timings, stop: () => window.removeEventListener('pointermove', onMove, { capture: true }) };
}

/** Stops timing node moves and gives the times (ms). */
export function stopMoveTimer() {
  window.__designerBench.stop();
  return window.__designerBench.timings;
}

/** Waits two animation frames, so what was sent has been drawn. */
export function nextFrames() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/**
 * Starts timing the showing of a run: from the next pointerdown (choosing a console entry) to the
 * task after the frame in which `taken` connections show their records. Read the result with
 * `runPaintedTime`.
 */
export function startRunTimer({ taken }) {
  const counted = () => document.querySelectorAll('.flow-edge-count.is-run-taken').length;
  if (counted() > 0) throw new Error('a run is already drawn before the console entry is chosen');
  window.__designerRunBench = new Promise((resolve, reject) => {
    const onDown = (event) => {
      window.removeEventListener('pointerdown', onDown, { capture: true });
      const pressed = event.timeStamp;
      const check = () => {
        // A bounded wait, so a run that is never drawn fails the bench instead of hanging it.
        if (performance.now() - pressed > 60_000) {
          const bar = document.querySelector('[data-testid="run-bar"]')?.textContent ?? 'no run bar';
          return reject(new Error(`the run was not drawn within 60 s: ${counted()} of ${taken} connections show it (${bar})`));
        }
        if (counted() < taken) return requestAnimationFrame(check);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - pressed);
          channel.port2.postMessage(null);
        });
      };
      check();
    };
    window.addEventListener('pointerdown', onDown, { capture: true });
  });
}

/** The time (ms) from choosing the console entry to the painted frame with the run drawn. */
export function runPaintedTime() {
  return window.__designerRunBench;
}

/**
 * The node whose header is nearest the middle of the visible canvas, so that a drag from there stays
 * clear of the edges (where React Flow would pan the view instead); with a panel open below the
 * canvas, the flow's middle node may sit at its lower edge.
 */
export function centralNode() {
  const pane = document.querySelector('.react-flow').getBoundingClientRect();
  const middle = { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 };
  let best;
  for (const node of document.querySelectorAll('.react-flow__node')) {
    const box = node.querySelector('.flow-node-header').getBoundingClientRect();
    const distance = Math.hypot(box.left + box.width / 2 - middle.x, box.top + box.height / 2 - middle.y);
    if (!best || distance < best.distance) best = { id: node.dataset.id, distance };
  }
  return best.id;
}

/** The canvas's pan and zoom (the viewport's transform), to check that a drag did not move the view. */
export function viewportTransform() {
  return document.querySelector('.react-flow__viewport').style.transform;
}
