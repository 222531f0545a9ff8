/** Puts `text` on the system clipboard; falls back to the copy command where the Clipboard API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const onCopy = (event: ClipboardEvent) => {
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    document.addEventListener('copy', onCopy, { once: true });
    const copied = document.execCommand('copy');
    document.removeEventListener('copy', onCopy);
    return copied;
  }
}
