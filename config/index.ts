// Taro build configuration shared by both targets: weapp (dist/, opened by WeChat DevTools) and
// h5 (dist-h5/, served by the local gateway). Separate output roots because Taro wipes outputRoot.
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fuyou-festival',
    date: '2022-4-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
      CLINIC_SUBSCRIBE_TEMPLATE_IDS: JSON.stringify([process.env.CLINIC_TEMPLATE_REMINDER, process.env.CLINIC_TEMPLATE_PROMOTED].filter(Boolean)),
      REMINDER_TEMPLATE_ID: JSON.stringify(process.env.CLINIC_TEMPLATE_REMINDER ?? ''),
    },
    // The h5 build's tab icon, so browsers' /favicon.ico request finds a file (WeChat has no such request).
    copy: {
      patterns: isH5 ? [{ from: 'src/assets/favicon.png', to: 'dist-h5/favicon.png' }, { from: 'src/assets/favicon.png', to: 'dist-h5/favicon.ico' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
