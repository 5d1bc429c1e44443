// A real OpenID Connect provider (oidc-provider v9) standing in for FranceConnect in the tests.
// ESM-only, so it runs in a child process: `node oidc-provider.mjs` with OIDC_CLIENTS and
// OIDC_ACCOUNTS (JSON) in the environment; it prints {"issuer": "..."} once it listens.
// Interactions use the provider's built-in development pages (login form, consent form), which the
// test drives with plain HTTP requests.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const clients = JSON.parse(process.env.OIDC_CLIENTS ?? '[]');
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? '{}');

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients,
  // FranceConnect's scopes are named after the claims they release.
  claims: {
    openid: ['sub'],
    given_name: ['given_name'],
    family_name: ['family_name'],
    birthdate: ['birthdate'],
    email: ['email'],
  },
  acrValues: ['eidas1'],
  features: {
    devInteractions: { enabled: true },
    // FranceConnect v2 answers userinfo with a signed JWT.
    jwtUserinfo: { enabled: true },
  },
  cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
  async findAccount(_ctx, id) {
    const claims = accounts[id];
    if (!claims) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
});
// Quiet: the development interactions warn on every start.
provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider: ${error.stack}\n`));

server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
