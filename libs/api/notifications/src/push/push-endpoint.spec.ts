import { isPublicHttpsEndpoint } from './push.service';

describe('isPublicHttpsEndpoint (production push endpoints)', () => {
  it.each([
    'https://fcm.googleapis.com/fcm/send/abc:def',
    'https://updates.push.services.mozilla.com/wpush/v2/gAAAA',
    'https://web.push.apple.com/QGn0n',
  ])('accepts the browsers’ push services: %s', (endpoint) => {
    expect(isPublicHttpsEndpoint(endpoint)).toBe(true);
  });

  it.each([
    'http://fcm.googleapis.com/fcm/send/abc',
    'https://127.0.0.1/send',
    'https://10.0.0.5/send',
    'https://[::1]/send',
    'https://0x7f000001/send',
    'https://localhost/send',
    'https://intranet/send',
    'https://printer.local/send',
    'https://db.internal/send',
    'https://user:pass@push.example.fr/send',
    'not a url',
  ])('refuses what would let the server post inside the city’s network: %s', (endpoint) => {
    expect(isPublicHttpsEndpoint(endpoint)).toBe(false);
  });
});
