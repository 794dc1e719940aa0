// Jest project for Node-side code: handlers through the real wx-server-sdk, the gateway, the build checks.
const tsTransform = ['babel-jest', {
  babelrc: false,
  configFile: false,
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
}]

module.exports = {
  displayName: 'server',
  rootDir: __dirname,
  testEnvironment: '<rootDir>/test/jest-node/far-from-china.js',
  testMatch: [
    '<rootDir>/server/**/__tests__/**/*.test.ts',
    '<rootDir>/local/gateway/__tests__/**/*.test.ts',
    '<rootDir>/local/__tests__/**/*.test.ts',
    '<rootDir>/checks/**/*.test.ts',
    '<rootDir>/deploy/**/__tests__/**/*.test.ts',
  ],
  transform: { '^.+\\.tsx?$': tsTransform },
  testTimeout: 30000,
}
