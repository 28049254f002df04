// Unit tests sit beside the code (*.spec.ts); e2e tests drive the HTTP GraphQL API (test/**/*.e2e-spec.ts)
// against a fresh PostgreSQL database and Redis prefix made for this run (test/support/global-setup.ts).
const { readFileSync } = require('node:fs');
const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
// NestJS 12, Apollo Server 5 and a few of their dependencies ship only ES modules. Node 20 loads
// them with require(esm) at run time, but Jest's module registry does not, so Jest compiles them
// to CommonJS with SWC (cached after the first run).
const ESM_ONLY = ['@nestjs', '@apollo', '@as-integrations', '@graphql-tools', 'graphql-scalars', '@whatwg-node', 'cross-inspect', 'graphql-ws', 'content-disposition'];
const jsToCommonJs = {
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022', keepClassNames: true },
  module: { type: 'commonjs', ignoreDynamic: false },
  swcrc: false,
};
const transform = {
  '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
  '^.+\\.m?js$': ['@swc/jest', jsToCommonJs],
};
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`];
const moduleNameMapper = {
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

module.exports = {
  maxWorkers: 2,
  // A global option in Jest 30 (ignored inside a project): e2e tests boot an app and hash passwords.
  // Generous, because a loaded 2-core machine (a run beside the demo or another run) is several
  // times slower; a timeout is a hang detector here, speed targets live in bench/.
  testTimeout: 90000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
