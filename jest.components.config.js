// Jest config for the app's component tests (jsdom + @testing-library/react) over Taro's h5 components.
// Run: npx jest -c jest.components.config.js. Platform files resolve to their .h5 variant.
const taroEsm = ['@tarojs', '@stencil', 'lodash-es', 'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj', 'ics', 'swiper', 'ssr-window', 'dom7', 'nanoid']

module.exports = {
  rootDir: __dirname,
  testEnvironment: '<rootDir>/test/jest-taro/environment.js',
  testMatch: ['<rootDir>/src/**/__tests__/*.test.ts', '<rootDir>/src/**/__tests__/*.test.tsx'],
  moduleFileExtensions: ['h5.tsx', 'h5.ts', 'tsx', 'ts', 'js', 'mjs', 'cjs', 'jsx', 'json'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/jest-taro/taro.js',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.(css|scss|sass)$': '<rootDir>/test/jest-taro/style-stub.js',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  transform: {
    '^.+\\.(t|j)sx?$|^.+\\.mjs$': ['babel-jest', {
      configFile: false,
      babelrc: false,
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    }],
  },
  transformIgnorePatterns: [`^(?!.*/node_modules/(${taroEsm.join('|')})/).*/node_modules/`],
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
  setupFiles: ['<rootDir>/test/jest-taro/env.js'],
  setupFilesAfterEnv: ['<rootDir>/test/jest-taro/setup.js'],
  resetMocks: true,
  restoreMocks: true,
}
