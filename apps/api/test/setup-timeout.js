// A test file boots the app on a fresh database: allow for it (testTimeout is not a per-project option).
jest.setTimeout(60000);
