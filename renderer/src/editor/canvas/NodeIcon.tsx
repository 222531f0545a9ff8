/** A node type's icon: its declared path in a 24x24 view box. */
export function NodeIcon({ path, size = 16 }: { path: string | undefined; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {path ? (
        <path d={path} fill="currentColor" />
      ) : (
        <text x="12" y="17" textAnchor="middle" fontSize="15" fill="currentColor">
          ?
        </text>
      )}
    </svg>
  );
}
