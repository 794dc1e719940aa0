// Jest project for the weapp tier: the built dist/ run headlessly in Node (weapp-tier/), against the
// built cloud functions on the local CloudBase service. Needs the weapp and functions builds.
const tsTransform = ['babel-jest', {
  babelrc: false,
  configFile: false,
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
}]

module.exports = {
  displayName: 'weapp',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/weapp-tier/__tests__/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': tsTransform },
  moduleNameMapper: {
    // Tests read a few of the app's own constants (the poster's layout) from src/.
    '^@/(.*)$': '<rootDir>/src/$1',
    // Image codecs run in Node's own context, not jest's sandbox (weapp-tier/native/node-require.js).
    '^(qrcode|pngjs|jsqr)$': '<rootDir>/weapp-tier/native/$1.js',
  },
  testTimeout: 30000,
}
