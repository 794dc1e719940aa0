// Pixel-crunching libraries (qrcode, pngjs, jsqr) are ~40× slower inside jest's module sandbox than in
// Node (a 430 px mini-program code took 1.3 s to encode): the weapp jest project maps them to these
// files, which load them with Node's own require from the main context, so a test stays under a second.
const vm = require('node:vm')

const mainProcess = vm.runInThisContext('process')
const NodeModule = mainProcess.mainModule && mainProcess.mainModule.constructor
if (!NodeModule || typeof NodeModule.createRequire !== 'function') throw new Error('weapp-tier/native: Node 的 Module.createRequire 不可用')

module.exports = NodeModule.createRequire(__filename)
