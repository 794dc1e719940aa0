// The shared plain-text rule, applied to every free-text field of every input schema: a table of bad
// strings (controls, a lone surrogate, direction overrides, invisible marks, line breaks where one line
// is expected) × every field, each refused at that field with a Chinese message saying what to remove
// and where; ordinary text, emoji and (in multi-line fields) line breaks still pass.
import type * as z from 'zod'
import { functionContracts } from '../schemas'
import { plainTextProblem } from '../text-rule'

type Input = Record<string, unknown>

const IMAGE = 'cloud://env-1.test/uploads/a.png'
const slot = {
  venueId: 'banan', title: '广场义诊', date: '2022-06-26', startTime: '09:00', endTime: '11:30', place: '巴南区人民广场',
  services: ['两癌筛查'], audience: ['woman'], quota: 10, note: '请带医保卡',
}
const signUp = {
  slotId: 'banan-1', person: { relation: 'self', name: '王丹安', phone: '13900000001', category: 'woman' }, services: ['两癌筛查'],
  note: '行动不便', agreePrivacy: true,
}
const photo = { kind: 'photo', selectionId: 'sel-1', title: '一家人', story: '在南山看花', images: [IMAGE], showsChild: false }
const video = {
  kind: 'video', selectionId: 'sel-1', title: '孕期营养', story: '一分钟讲营养', video: { fileID: IMAGE, duration: 50, size: 1000 }, cover: IMAGE, showsChild: false,
}
const cases = {
  kind: 'cases', selectionId: 'sel-1', category: 'doctor', title: '特色科室', story: '申报材料：做法、成效与群众评价，共计二十字以上的说明文字。',
  images: [IMAGE], applicant: { institution: '重庆市妇幼保健院', person: '张医生' },
}
const voidVotes = { selectionId: 'sel-1', workId: 'w-1', from: '2022-06-25T09:00:00+08:00', to: '2022-06-25T10:00:00+08:00', reason: '同一设备集中刷票' }

/** [function.action, a valid input, the path of the free-text field, whether it takes several lines] */
const FIELDS: Array<[string, Input, Array<string | number>, boolean]> = [
  ['clinic.createSlot', slot, ['title'], false],
  ['clinic.createSlot', slot, ['place'], false],
  ['clinic.createSlot', slot, ['services', 0], false],
  ['clinic.createSlot', slot, ['note'], true],
  ['clinic.updateSlot', { slotId: 'banan-1', title: '广场义诊' }, ['title'], false],
  ['clinic.updateSlot', { slotId: 'banan-1', place: '巴南区人民广场' }, ['place'], false],
  ['clinic.updateSlot', { slotId: 'banan-1', note: '请带医保卡' }, ['note'], true],
  ['clinic.signUp', signUp, ['person', 'name'], false],
  ['clinic.signUp', signUp, ['services', 0], false],
  ['clinic.signUp', signUp, ['note'], true],
  ['clinic.slots', { service: '两癌筛查' }, ['service'], false],
  ['clinicAdmin.signupList', { slotId: 'banan-1', search: '1234' }, ['search'], false],
  ['clinicAdmin.revealSignup', { signupId: 'banan-1-0123456789abcdef', reason: '电话通知改期' }, ['reason'], false],
  ['account.createInvite', { role: 'organiser', note: '给王主任' }, ['note'], false],
  ['account.redeemInvite', { code: 'ABCDEFGHJK', displayName: '巴南分会场 张医生' }, ['displayName'], false],
  ['selection.submit', photo, ['title'], false],
  ['selection.submit', photo, ['story'], true],
  ['selection.submit', video, ['title'], false],
  ['selection.submit', video, ['story'], true],
  ['selection.submit', cases, ['title'], false],
  ['selection.submit', cases, ['story'], true],
  ['selection.submit', cases, ['applicant', 'institution'], false],
  ['selection.submit', cases, ['applicant', 'person'], false],
  ['selection.gallery', { selectionId: 'sel-1', q: '全家福' }, ['q'], false],
  ['selection.review', { workId: 'w-1', decision: 'reject', reason: '照片模糊' }, ['reason'], true],
  ['selection.markInspected', { workId: 'w-1', note: '现场核实无误' }, ['note'], true],
  ['selection.voidVotes', voidVotes, ['reason'], true],
  ['selection.scoreCase', { workId: 'w-1', score: 80, comment: '做法扎实' }, ['comment'], true],
]

const BAD: Array<[string, string]> = [
  ['NUL', '\u0000'],
  ['escape (C0)', '\u001B'],
  ['tab', '\t'],
  ['DEL', '\u007F'],
  ['NEL (C1)', '\u0085'],
  ['CSI (C1)', '\u009B'],
  ['lone high surrogate', '\uD83D'],
  ['lone low surrogate', '\uDE00'],
  ['right-to-left override', '\u202E'],
  ['left-to-right embedding', '\u202A'],
  ['right-to-left isolate', '\u2067'],
  ['right-to-left mark', '\u200F'],
  ['zero-width space', '\u200B'],
  ['byte order mark', '\uFEFF'],
]

function schemaOf(name: string): z.ZodType {
  const [fn, action] = name.split('.') as [keyof typeof functionContracts, string]
  return (functionContracts[fn] as Record<string, { input: z.ZodType }>)[action]?.input as z.ZodType
}

function withValue(input: Input, path: Array<string | number>, value: string): Input {
  const copy = JSON.parse(JSON.stringify(input)) as Input
  let node: Record<string | number, unknown> = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  node[last] = `${String(node[last]).slice(0, 2)}${value}${String(node[last]).slice(2)}`
  return copy
}

const issueAt = (result: z.ZodSafeParseResult<unknown>, path: Array<string | number>) =>
  result.error?.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path))?.message

describe.each(FIELDS.map(([name, ...rest]) => [`${name} ${rest[1].join('.')}`, name, ...rest] as const))('%s', (_title, name, input, path, multiline) => {
  const schema = schemaOf(name)

  test('the valid input passes', () => {
    expect(schema.safeParse(input).error?.issues).toBeUndefined()
  })

  test.each(BAD)('refuses %s, saying what to remove and where', (_kind, bad) => {
    const message = issueAt(schema.safeParse(withValue(input, path, bad)), path)
    expect(message).toMatch(/第 3 个字处.*请删去/)
  })

  test('a line break: kept in a multi-line field, refused in a one-line field', () => {
    const result = schema.safeParse(withValue(input, path, '\r\n'))
    if (multiline) {
      expect(result.error?.issues).toBeUndefined()
      let value: unknown = result.data
      for (const key of path) value = (value as Record<string | number, unknown>)[key]
      expect(value).toContain('\n')
      expect(value).not.toContain('\r')
    } else {
      expect(issueAt(result, path)).toMatch(/请写在一行内，删去第 3 个字处的换行/)
    }
  })
})

test('emoji, CJK punctuation and the joiners emoji need are plain text', () => {
  for (const text of ['全家福👨‍👩‍👧 · 「南山」', '孕期营养（一）', 'Dr. 王 & 李', '🇨🇳 国旗']) expect(plainTextProblem(text, '标题')).toBeNull()
})
