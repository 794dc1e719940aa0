// Node environment for the handler and runtime tests, far from China's timezone (../far-from-china.js):
// the handlers' "day" rules must hold whatever zone a function runs in.
const { TestEnvironment } = require('jest-environment-node')
const { farFromChina } = require('../far-from-china')

module.exports = farFromChina(TestEnvironment)
