// Browsing as a resident: 首页 → a sub-venue → one of its events, by taps on what the page shows, then
// back; the venue's map opens WeChat's location view.
import { R, url } from './routes'
import { ROLES, useWeapp } from './setup'

const { open } = useWeapp()

test('home → venue → event → back', async () => {
  const app = await open(url(R.home), { as: ROLES.resident })
  await app.waitForText('中国(重庆)2022妇幼健康公益文化节')
  await app.tap('巴南分会场')
  expect(app.route).toBe(R.venue)
  await app.waitForText('巴南区妇幼保健院')
  await app.tap('巴南分会场开幕式暨授旗仪式')
  expect(app.route).toBe(R.event)
  await app.waitForText(/\d{4}年\d{1,2}月\d{1,2}日 周. 09:00–09:30/)
  expect(app.pages.stack.map((p) => p.route)).toEqual([R.home, R.venue, R.event])
  await app.back()
  expect(app.route).toBe(R.venue)
  await app.back()
  expect(app.route).toBe(R.home)
  expect(app.pages.stack).toHaveLength(1)
})
