// The learn pages: the lecture list (topics, search, 已看), a lecture (video from where the resident
// stopped, a view counted on opening, the position saved on pause and 已看 at the end, speaker link),
// the expert directory's specialty filter, offers (claim, refusal shown, no claim for unlimited ones)
// and the home tiles that open these strands.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { fail, ok, type LectureCard, type LectureDetail, type OfferView } from '@/contract'
import { StrandGrid } from '@/components/strand-grid'
import LecturesPage from '../lectures/index'
import LecturePage from '../lecture/index'
import ExpertsPage from '../experts/index'
import OffersPage from '../offers/index'
import { answer, callMock, setRouterParams, stubTaro } from '../../pages/__tests__/helpers'

jest.mock('@/services/client', () => ({ call: jest.fn() }))

let taro: ReturnType<typeof stubTaro>
beforeEach(() => {
  taro = stubTaro()
  setRouterParams({})
  jest.spyOn(window.HTMLMediaElement.prototype, 'load').mockImplementation(() => undefined)
})

const card = (over: Partial<LectureCard> = {}): LectureCard => ({
  _id: 'lecture-child-vision', title: '儿童视力与眼保健', topic: 'child', speakerId: 'expert-liu', speakerName: '刘敏（演示）',
  durationSec: 840, views: 12, coverUrl: '', publishedAt: '2022-06-15T10:00:00+08:00', watched: false, ...over,
})

const detail = (over: Partial<LectureDetail> = {}): LectureDetail => ({
  lecture: { ...card(), summary: '0-6岁儿童视力发育规律。', videoUrl: 'http://127.0.0.1/files/vision.mp4' },
  speaker: { _id: 'expert-liu', name: '刘敏（演示）', title: '副主任医师', hospital: '巴南区妇幼保健院', specialties: ['儿童保健'], photoUrl: '' },
  related: [card({ _id: 'lecture-child-growth', title: '儿童生长发育与营养', watched: true })],
  events: [{ _id: 'banan-community-talk-2', title: '公益科普讲座（二圣镇）', kind: 'lecture', startAt: '2022-09-17T09:30:00+08:00', place: '二圣镇卫生院', venueId: 'banan' }],
  progress: { position: 125, watched: false },
  ...over,
})

test('lecture list: 已看 marks, a topic chip and a search each ask the server again', async () => {
  answer(ok({ items: [card({ watched: true }), card({ _id: 'b', title: '产后康复' })], nextCursor: null }))
  render(<LecturesPage />)
  expect(await screen.findByText('儿童视力与眼保健')).toBeTruthy()
  expect(screen.getAllByText('已看')).toHaveLength(1)
  expect(screen.getAllByText('刘敏（演示） · 14分钟 · 12 次观看')).toHaveLength(2)
  expect(callMock).toHaveBeenLastCalledWith('content', 'lectures', {})
  answer(ok({ items: [card()], nextCursor: null }))
  fireEvent.click(screen.getAllByText('儿童')[0] as HTMLElement)
  await screen.findByText('✓ 儿童')
  expect(callMock).toHaveBeenLastCalledWith('content', 'lectures', { topic: 'child' })
  answer(ok({ items: [], nextCursor: null }))
  const input = document.querySelector('input') as HTMLInputElement
  fireEvent.input(input, { target: { value: ' 视力 ' } })
  fireEvent.click(screen.getByText('搜索'))
  expect(await screen.findByText('没有找到相关课程')).toBeTruthy()
  expect(callMock).toHaveBeenLastCalledWith('content', 'lectures', { topic: 'child', q: '视力' })
})

test('lecture: counts a view on opening, resumes at the saved position, links the speaker, saves on pause and marks 已看 at the end', async () => {
  setRouterParams({ id: 'lecture-child-vision' })
  callMock.mockImplementation(async (_fn, action) => (action === 'lecture' ? ok(detail()) : ok({ counted: true })))
  render(<LecturePage />)
  expect(await screen.findByText('0-6岁儿童视力发育规律。')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('content', 'view', { lectureId: 'lecture-child-vision' })
  expect(screen.getByText('已从上次看到的 2分5秒 处继续播放')).toBeTruthy()
  expect(screen.getByText('公益科普讲座（二圣镇）')).toBeTruthy()
  expect(screen.getByText('儿童生长发育与营养')).toBeTruthy()
  const video = document.querySelector('taro-video-core') as HTMLElement & { initialTime?: number }
  expect(video).toBeTruthy()
  expect(video.getAttribute('src') ?? (video as unknown as { src: string }).src).toBe('http://127.0.0.1/files/vision.mp4')
  await act(async () => {
    video.dispatchEvent(Object.assign(new Event('timeupdate'), { detail: { currentTime: 190, duration: 840 } }))
    video.dispatchEvent(Object.assign(new Event('pause'), { detail: {} }))
  })
  expect(callMock).toHaveBeenCalledWith('content', 'progress', { lectureId: 'lecture-child-vision', position: 190 })
  await act(async () => {
    video.dispatchEvent(Object.assign(new Event('ended'), { detail: {} }))
  })
  expect(callMock).toHaveBeenCalledWith('content', 'progress', { lectureId: 'lecture-child-vision', position: 0, finished: true })
  fireEvent.click(screen.getByText('副主任医师 · 巴南区妇幼保健院'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/learn/expert/index?id=expert-liu' })
})

test('lecture without an uploaded video says so instead of a blank player', async () => {
  setRouterParams({ id: 'lecture-child-vision' })
  callMock.mockImplementation(async (_fn, action) => (action === 'lecture'
    ? ok(detail({ lecture: { ...detail().lecture, videoUrl: '' }, progress: null }))
    : ok({ counted: false })))
  render(<LecturePage />)
  expect(await screen.findByText('本讲视频正在上传，请稍后再来观看')).toBeTruthy()
})

test('experts: the specialty chips stay while a filtered list loads, and narrow the directory', async () => {
  const liu = { _id: 'expert-liu', name: '刘敏（演示）', title: '副主任医师', hospital: '巴南区妇幼保健院', specialties: ['儿童保健'], photoUrl: '' }
  const zhang = { ...liu, _id: 'expert-zhang', name: '张丽（演示）', specialties: ['两癌筛查'] }
  answer(ok({ items: [liu, zhang], specialties: ['儿童保健', '两癌筛查'] }), ok({ items: [zhang], specialties: ['儿童保健', '两癌筛查'] }))
  render(<ExpertsPage />)
  expect(await screen.findByText('刘敏（演示）')).toBeTruthy()
  fireEvent.click(screen.getAllByText('两癌筛查')[0] as HTMLElement)
  expect(await screen.findByText('✓ 两癌筛查')).toBeTruthy()
  await screen.findByText('张丽（演示）')
  expect(screen.queryByText('刘敏（演示）')).toBeNull()
  expect(callMock).toHaveBeenLastCalledWith('content', 'experts', { specialty: '两癌筛查' })
})

const offer = (over: Partial<OfferView> = {}): OfferView => ({
  _id: 'offer-banan-two-cancers', venueId: 'banan', hospital: '巴南区妇幼保健院', title: '「两癌」筛查套餐', description: 'TCT+HPV 与乳腺彩超',
  priceBefore: 398, priceAfter: 198, validFrom: '2022-06-25', validTo: '2022-07-02', conditions: '每人限领1份。', howToRedeem: '到院出示核销码',
  places: 100, claimed: 3, phase: 'running', remaining: 97, mine: null, ...over,
})

test('offers: claim a place, then the code shows; a refusal is shown in full; unlimited offers need no claim', async () => {
  const mine = { _id: 'c1', offerId: 'offer-banan-two-cancers', offerTitle: '「两癌」筛查套餐', hospital: '巴南区妇幼保健院', validFrom: '2022-06-25', validTo: '2022-07-02', howToRedeem: '到院出示核销码', status: 'claimed' as const, claimedAt: '2022-06-25T10:00:00+08:00', code: `HM:c1.${'a'.repeat(22)}` }
  answer(
    ok({ offers: [offer(), offer({ _id: 'free', title: '儿童视力检查', places: null, remaining: null, priceAfter: 0 })] }),
    ok({ claim: mine, outcome: 'claimed' }),
    ok({ offers: [offer({ mine, remaining: 96 })] }),
  )
  render(<OffersPage />)
  expect(await screen.findByText('剩余 97 / 100 个名额')).toBeTruthy()
  expect(screen.getByText('无需领取，按上面的方式直接使用')).toBeTruthy()
  expect(screen.getByText('免费')).toBeTruthy()
  fireEvent.click(screen.getByText('领取名额'))
  expect(await screen.findByText(mine.code)).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('content', 'claim', { offerId: 'offer-banan-two-cancers' })
  expect(screen.getByText('待使用')).toBeTruthy()
})

test('offers: a claim the server refuses shows its message', async () => {
  answer(ok({ offers: [offer()] }), fail('CONFLICT', '这项优惠的名额刚刚被领完，请看看其他优惠'), ok({ offers: [offer({ remaining: 0 })] }))
  render(<OffersPage />)
  fireEvent.click(await screen.findByText('领取名额'))
  await screen.findByText('名额已领完')
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '这项优惠的名额刚刚被领完，请看看其他优惠' }))
})

test('home tiles: lectures, think-tank and offers open their pages once published; unpublished ones say 敬请期待', () => {
  render(<StrandGrid strands={[
    { key: 'lectures', title: '科普大讲堂', summary: '', live: true },
    { key: 'thinktank', title: '妇幼健康智库', summary: '', live: true },
    { key: 'offers', title: '惠民活动周', summary: '', live: false },
  ]} />)
  fireEvent.click(screen.getByText('科普大讲堂'))
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/learn/lectures/index' })
  fireEvent.click(screen.getByText('妇幼健康智库'))
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/learn/experts/index' })
  fireEvent.click(screen.getByText('惠民活动周'))
  expect(taro.navigateTo).toHaveBeenCalledTimes(2)
  expect(screen.getAllByText('敬请期待')).toHaveLength(1)
})
