import fc from 'fast-check';
import { safeHref, textSegments } from './links';

describe('textSegments', () => {
  it('turns http and https URLs into links and keeps the rest as text', () => {
    expect(textSegments('Inscriptions sur https://ville.fr/inscrire et http://a.fr.')).toEqual([
      { kind: 'text', text: 'Inscriptions sur ' },
      { kind: 'link', text: 'https://ville.fr/inscrire', href: 'https://ville.fr/inscrire' },
      { kind: 'text', text: ' et ' },
      { kind: 'link', text: 'http://a.fr', href: 'http://a.fr/' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves markup and other schemes as plain text', () => {
    const text = '<script>alert(1)</script> javascript:alert(1) <a href="x">x</a> data:text/html,hi';
    expect(textSegments(text)).toEqual([{ kind: 'text', text }]);
  });

  it('does not swallow the closing quote or punctuation after a link', () => {
    expect(textSegments('(voir https://ville.fr/page), « https://ville.fr/b »')).toEqual([
      { kind: 'text', text: '(voir ' },
      { kind: 'link', text: 'https://ville.fr/page', href: 'https://ville.fr/page' },
      { kind: 'text', text: '), « ' },
      { kind: 'link', text: 'https://ville.fr/b', href: 'https://ville.fr/b' },
      { kind: 'text', text: ' »' },
    ]);
  });

  it('gives back the text exactly when the segments are joined, and only http(s) hrefs', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.webUrl(), (a, url) => {
        const text = `${a} ${url} ${a}`;
        const segments = textSegments(text);
        expect(segments.map((s) => s.text).join('')).toBe(text);
        for (const s of segments) if (s.kind === 'link') expect(s.href).toMatch(/^https?:\/\//);
      }),
    );
  });

  it('refuses non-http protocols in safeHref', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://ville.fr')).toBe('https://ville.fr/');
  });
});
