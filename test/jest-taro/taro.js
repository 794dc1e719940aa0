// Stand-in for `@tarojs/taro` under jest: every named API of @tarojs/taro-h5 on one object (the real
// build rewrites `Taro.x` calls per API), plus the React page hooks from the framework runtime.
const h5 = require('@tarojs/taro-h5')
const runtime = require('@tarojs/plugin-framework-react/dist/runtime')

const hooks = Object.fromEntries(Object.entries(runtime).filter(([name]) => /^use[A-Z]/.test(name)))
const Taro = Object.assign({}, h5.default, h5, hooks)
delete Taro.default

module.exports = Taro
module.exports.default = Taro
