// Jest setupFiles: the build-time environment Taro's h5 runtime expects, set before any Taro module loads.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.FRAMEWORK = 'react'
process.env.SUPPORT_TARO_POLYFILL = 'disabled'
