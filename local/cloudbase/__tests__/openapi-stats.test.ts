// cloud.openapi.* through the registerOpenApi hook (multipart + protobuf wire format), and the
// per-action request counters used by benchmarks.

import { removeTempDirs, startHarness, errorOf, Harness, Any } from './helpers'

let h: Harness

beforeAll(async () => {
  h = await startHarness(['things'])
})
afterAll(async () => {
  await h.service.close()
  removeTempDirs()
})

test('a registered openapi handler gets snake_case data and its answer comes back camelCase', async () => {
  const calls: Any[] = []
  h.service.registerOpenApi('security.msgSecCheck', (data, call) => {
    calls.push({ data, apiName: call.apiName })
    return { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, trace_id: 't-1' }
  })
  const res = await h.cloud.openapi.security.msgSecCheck({ content: '你好', version: 2, scene: 1, openid: 'o-1', extraInfo: { nickName: 'x' } })
  expect(calls).toEqual([{ apiName: 'security.msgSecCheck', data: { content: '你好', version: 2, scene: 1, openid: 'o-1', extra_info: { nick_name: 'x' } } }])
  expect(res).toEqual({ result: { suggest: 'pass', label: 100 }, traceId: 't-1', errMsg: 'openapi.security.msgSecCheck:ok', errCode: 0 })
})

test('a WeChat errcode from the handler becomes an SDK error; unknown APIs fail with -604100', async () => {
  h.service.registerOpenApi('subscribeMessage.send', async () => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' }))
  const refused = await errorOf(() => h.cloud.openapi.subscribeMessage.send({ touser: 'o', templateId: 't', data: {} }))
  expect(refused.errCode).toBe(43101)
  expect(refused.errMsg).toMatch(/user refuse/)
  const missing = await errorOf(() => h.cloud.openapi.wxacode.getUnlimited({ scene: 'a=1' }))
  expect(missing.errCode).toBe(-604100)
})

test('a handler can answer with binary content', async () => {
  h.service.registerOpenApi('wxacode.get', () => ({ contentType: 'image/png', buffer: Buffer.from([1, 2, 3]) }))
  const res = await h.cloud.openapi.wxacode.get({ path: 'pages/home/index' })
  expect(res.contentType).toBe('image/png')
  expect([...res.buffer]).toEqual([1, 2, 3])
})

test('stats count requests per action and reset', async () => {
  h.service.resetStats()
  await h.db.collection('things').add({ data: { a: 1 } })
  await h.db.collection('things').where({ a: 1 }).get()
  await h.db.collection('things').count()
  await h.db.runTransaction(async (t: Any) => {
    await t.collection('things').doc('t1').set({ data: { b: 1 } })
  })
  const { fileID } = await h.cloud.uploadFile({ cloudPath: 's.txt', fileContent: Buffer.from('s') })
  await h.cloud.downloadFile({ fileID })
  expect(h.service.stats()).toEqual({
    total: 10,
    byAction: {
      'database.insertDocument': 1,
      'database.getDocument': 1,
      'database.calculateDocument': 1,
      'database.startTransaction': 1,
      'database.modifyDocument': 1,
      'database.commitTransaction': 1,
      'storage.getUploadMetadata': 1,
      'cos.putObject': 1,
      'storage.batchGetDownloadUrl': 1,
      'cos.getObject': 1,
    },
  })
  h.service.resetStats()
  expect(h.service.stats()).toEqual({ total: 0, byAction: {} })
})
