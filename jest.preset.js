const swc = require('./jest.swc');

// ESM-only packages that Jest (CommonJS) must compile before loading.
const esmPackages = ['openid-client', 'oauth4webapi', 'jose'];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@foyer/api/core/testing$': '<rootDir>/libs/api/core/src/testing/index.ts',
    '^@foyer/api/([a-z-]+)/entities$': '<rootDir>/libs/api/$1/src/entities.ts',
    '^@foyer/(shared|api|web)/([a-z-]+)$': '<rootDir>/libs/$1/$2/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
