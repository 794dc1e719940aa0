// jsdom for the page and component tests, far from China's timezone (../far-from-china.js), so that any
// formatting which leaks the device timezone shows up as a wrong date or hour.
const { TestEnvironment } = require('jest-environment-jsdom')
const { farFromChina } = require('../far-from-china')

module.exports = farFromChina(TestEnvironment)
