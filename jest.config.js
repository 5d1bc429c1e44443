const preset = require('./jest.preset');

/** `npm test` runs every project: pure units, API integration on a real database, browser journeys. */
module.exports = {
  projects: [
    {
      ...preset,
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/api/**/*.spec.ts',
        '<rootDir>/tools/**/*.spec.ts',
      ],
    },
    {
      ...preset,
      displayName: 'api',
      rootDir: __dirname,
      testMatch: [
        '<rootDir>/apps/api/**/*.integration-spec.ts',
        '<rootDir>/libs/api/**/*.integration-spec.ts',
      ],
      globalSetup: '<rootDir>/apps/api/test/global-setup.js',
      setupFiles: ['<rootDir>/apps/api/test/setup-env.js'],
      setupFilesAfterEnv: ['<rootDir>/apps/api/test/setup-timeout.js'],
    },
    {
      ...preset,
      displayName: 'web-e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/apps/web-e2e/src/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/apps/web-e2e/src/support/global-setup.js',
      setupFiles: ['<rootDir>/apps/api/test/setup-env.js'],
      setupFilesAfterEnv: ['<rootDir>/apps/web-e2e/src/support/setup-timeout.js'],
    },
  ],
};
