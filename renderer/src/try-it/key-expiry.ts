/** When a key expires, for a sentence: "expires on 13 Dec 2026, 09:12" or "never expires". */
export function expiryText(expiresAt: string | null): string {
  if (expiresAt === null) return 'never expires';
  const at = new Date(expiresAt);
  return `expires on ${at.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })}`;
}
