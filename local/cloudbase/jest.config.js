// Jest config for the local CloudBase service's conformance tests (run: npx jest -c local/cloudbase/jest.config.js).
// Babel options are inline so the root babel.config.js (Taro's) is not used.
module.exports = {
  displayName: 'cloudbase',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['babel-jest', {
      babelrc: false,
      configFile: false,
      presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
    }],
  },
  testTimeout: 20000,
}
