// 'pngjs' loaded by Node itself (see ./node-require.js): the weapp jest project maps it here.
module.exports = require('./node-require')('pngjs')
