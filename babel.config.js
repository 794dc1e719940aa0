// Babel for the Taro build (babel-preset-taro) and, under jest, for component tests.
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
    }],
  ],
}
