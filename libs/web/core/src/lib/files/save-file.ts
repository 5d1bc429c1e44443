/**
 * Hands a fetched file to the browser's download, under its own name. Files behind the bearer token
 * cannot be plain links: they are fetched as a Blob, then saved through a temporary object URL.
 */
export function saveFile(document: Document, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Not revoked at once: some browsers start reading the URL only after click() has returned.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
