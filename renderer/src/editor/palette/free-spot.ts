/** The room a new node takes on the canvas, with a margin (a node card is 208 px wide). */
const NEW_NODE = { width: 224, height: 96 };

interface Placed {
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
}

/** `wanted`, or the first place below it where a new node covers no other node. */
export function freeSpot(nodes: readonly Placed[], wanted: { x: number; y: number }): { x: number; y: number } {
  let spot = wanted;
  for (let tries = 0; tries < 50; tries++) {
    const blocking = nodes.find((node) => overlaps(node, spot));
    if (!blocking) return spot;
    spot = { x: wanted.x, y: blocking.position.y + (blocking.measured?.height ?? NEW_NODE.height) + 24 };
  }
  return spot;
}

function overlaps(node: Placed, spot: { x: number; y: number }): boolean {
  const width = node.measured?.width ?? NEW_NODE.width;
  const height = node.measured?.height ?? NEW_NODE.height;
  return (
    spot.x < node.position.x + width &&
    node.position.x < spot.x + NEW_NODE.width &&
    spot.y < node.position.y + height &&
    node.position.y < spot.y + NEW_NODE.height
  );
}
