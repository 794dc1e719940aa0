// Jest setupFilesAfterEnv: load Taro (before the router) and hand React to Taro's React runtime, as the
// h5 entry would; then give each test a fresh router (no params).
require('@tarojs/taro')
const React = require('react')
const ReactDOM = require('react-dom')
const { createH5NativeComponentConfig } = require('@tarojs/plugin-framework-react/dist/runtime')
const { Current } = require('@tarojs/runtime')

createH5NativeComponentConfig(null, React, ReactDOM)

beforeEach(() => {
  Current.router = { params: {}, path: '/pages/index/index', $taroPath: '/pages/index/index', onReady: '', onHide: '', onShow: '' }
})
