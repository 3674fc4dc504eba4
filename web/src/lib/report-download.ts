// The name an Excel download is saved under: the server's (RFC 6266, UTF-8 form first), else ours.

/** The file name of a Content-Disposition header, or `fallback`. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (header) {
    const utf8 = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
    if (utf8?.[1]) {
      try {
        const name = safeName(decodeURIComponent(utf8[1].trim()));
        if (name) return name;
      } catch {
        // a malformed escape: try the plain form
      }
    }
    const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(header);
    const name = safeName(plain?.[1] ?? plain?.[2] ?? '');
    if (name) return name;
  }
  return fallback;
}

/** No folders in a download name. */
function safeName(s: string): string {
  return s.replace(/[/\\]/g, '_').trim();
}
