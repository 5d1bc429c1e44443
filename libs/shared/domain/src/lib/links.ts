/**
 * Plain text with links, as announcements are written: the text is never HTML. Both sides cut it
 * into segments; the web app renders each as text or as an `<a>` (Angular escapes the text), so
 * nothing typed by an administrator can become markup.
 */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than a URL: « voir https://ville.fr/a. » */
const TRAILING = /[.,;:!?»)\]'’]+$/;

/** Cuts a text into plain segments and http(s) links. Anything that is not a valid http(s) URL stays text. */
export function textSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  const push = (s: string) => {
    if (!s) return;
    const previous = segments[segments.length - 1];
    if (previous?.kind === 'text') previous.text += s;
    else segments.push({ kind: 'text', text: s });
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    let candidate = match[0];
    // Keep a closing parenthesis that belongs to the URL: https://fr.wikipedia.org/wiki/Foo_(bar)
    const trailing = TRAILING.exec(candidate)?.[0] ?? '';
    candidate = candidate.slice(0, candidate.length - trailing.length);
    push(text.slice(last, start));
    const href = safeHref(candidate);
    if (href) segments.push({ kind: 'link', text: candidate, href });
    else push(candidate);
    last = start + candidate.length;
  }
  push(text.slice(last));
  return segments;
}

/** The URL normalised by the URL parser when its protocol is http or https, else null. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
