// Jest project for browser tests: Debian Chromium driven by playwright-core against the running local app.
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['babel-jest', {
    babelrc: false,
    configFile: false,
    presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
  }] },
  testTimeout: 120000,
}
