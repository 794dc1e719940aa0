// Realistic clinic answers (Banan and Yongchuan slots of the 2022 demo festival) for the clinic and
// staff page tests, plus a router for the mocked client that answers by function and action.
import { fireEvent, waitFor } from '@testing-library/react'
import type { ClinicSlotDetail, ClinicSlotSummary, MySignup, Result } from '@/contract'
import { ok } from '@/contract'
import type { ActionName, InputOf } from '@/contract/api'
import type { FunctionName } from '@/contract/schemas'
import { callMock } from '@/pages/__tests__/helpers'

const base: ClinicSlotSummary = {
  _id: 'banan-0625am', venueId: 'banan', venueName: '巴南分会场', title: '两癌筛查专场', date: '2022-06-25',
  startTime: '09:00', endTime: '11:30', place: '巴南区人民广场 2 号帐篷', services: ['两癌筛查', '乳腺彩超'],
  audience: ['woman'], quota: 30, confirmed: 18, placesLeft: 12, waitlisted: 0, status: 'open', waitlistOpen: false,
  signupOpensAt: '2022-06-18T09:00:00+08:00', signupClosesAt: '2022-06-24T18:00:00+08:00',
}

export const openSlot = base
export const fullSlot: ClinicSlotSummary = {
  ...base, _id: 'banan-0625pm', title: '儿童保健专场', startTime: '14:00', endTime: '16:30', services: ['儿童保健', '视力筛查'],
  audience: ['child'], quota: 20, confirmed: 20, placesLeft: 0, waitlisted: 3, status: 'full', waitlistOpen: true,
}
export const closedSlot: ClinicSlotSummary = {
  ...base, _id: 'yongchuan-0716', venueId: 'yongchuan', venueName: '永川分会场', title: '孕产保健专场', date: '2022-07-16',
  place: '永川区妇幼保健院新院区', services: ['孕产保健咨询'], audience: ['pregnant'], status: 'closed', placesLeft: 5,
}

export function detailOf(slot: ClinicSlotSummary): ClinicSlotDetail {
  return { ...slot, cancelCutoffAt: '2022-06-24T18:00:00+08:00', perAccountLimit: 3, waitlistLimit: 20, closed: false }
}

const CODE = 'banan-0625am-0123456789abcdef.AbCdEfGhIjKlMnOpQrStUv'

export const confirmedSignup: MySignup = {
  _id: 'banan-0625am-0123456789abcdef', slotId: 'banan-0625am', slot: openSlot,
  person: { relation: 'self', name: '王秀英', phone: '13812341234', category: 'woman' },
  services: ['两癌筛查'], remind: true, status: 'confirmed',
  history: [{ event: 'signed_up', at: '2022-06-20T10:05:00+08:00' }],
  checkInCode: CODE, canCancel: true, cancelCutoffAt: '2022-06-24T18:00:00+08:00', createdAt: '2022-06-20T10:05:00+08:00',
}

export const waitlistedSignup: MySignup = {
  ...confirmedSignup, _id: 'banan-0625pm-fedcba9876543210', slotId: 'banan-0625pm', slot: fullSlot,
  person: { relation: 'child', name: '王小明', phone: '13812341234', category: 'child', birthMonth: '2019-03' },
  services: ['儿童保健'], status: 'waitlisted', history: [{ event: 'waitlisted', at: '2022-06-21T08:00:00+08:00' }],
  checkInCode: undefined, canCancel: true,
}

/** `fn.action` of every action the contract declares. */
type RouteKey = { [F in FunctionName]: `${F}.${ActionName<F>}` }[FunctionName]

/** A stand-in handler: its input typed from the contract, its answer any Result (fixtures may be partial). */
type RouteHandler<K extends RouteKey> = K extends `${infer F extends FunctionName}.${infer A}`
  ? A extends ActionName<F> ? (input: InputOf<F, A>) => Result<unknown> | Promise<Result<unknown>> : never
  : never

type Routes = { [K in RouteKey]?: RouteHandler<K> }

/** Answers each call by `fn.action`; an action without a handler fails the test loudly. */
/** Answers a page may ask for beside its own (the venue's address): none known unless a test says. */
const DEFAULTS: Routes = { 'festival.places': () => ok([]) }

export function route(handlers: Routes): void {
  const table: Partial<Record<string, (input: never) => Result<unknown> | Promise<Result<unknown>>>> = { ...DEFAULTS, ...handlers }
  callMock.mockImplementation(async (fn, action, input) => {
    const handler = table[`${fn}.${action}`]
    if (!handler) throw new Error(`unexpected call ${fn}.${action}`)
    // The app's client is typed from the same contract, so what it sent for `fn.action` is that action's input.
    return handler(input as never)
  })
}

export const venuesAnswer = ok([
  { _id: 'banan', name: '巴南分会场', host: '巴南区妇幼保健院', district: '巴南区', place: '巴南区人民广场', startDate: '2022-06-25', endDate: '2022-12-31', phase: 'running' },
  { _id: 'yongchuan', name: '永川分会场', host: '永川区妇幼保健院', district: '永川区', place: '永川区妇幼保健院新院区', startDate: '2022-07-16', endDate: '2022-12-31', phase: 'upcoming' },
])

/** The choice chip with this label, chosen (✓ label) or not; services also show as tags elsewhere. */
export function chip(label: string): HTMLElement {
  const found = Array.from(document.querySelectorAll('.choice-chip__text'))
    .find((el) => el.textContent === label || el.textContent === `✓ ${label}`)
  if (!(found instanceof HTMLElement)) throw new Error(`no chip ${label}`)
  return found
}

/** The native input inside a Taro Input (rendered once its web component has loaded). */
export async function field(placeholder: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const input = document.querySelector(`input[placeholder="${placeholder}"]`)
    if (!(input instanceof HTMLInputElement)) throw new Error(`no input ${placeholder}`)
    return input
  })
}

/** Types a value into the Taro Input with this placeholder. */
export async function typeInto(placeholder: string, value: string): Promise<void> {
  fireEvent.input(await field(placeholder), { target: { value } })
}

/** How to reach 巴南分会场 (festival.places), with an enquiry line for the phone button. */
export const bananPlace = {
  _id: 'banan', name: '巴南分会场', host: '巴南区妇幼保健院', place: '巴南区人民广场',
  address: '重庆市巴南区鱼洞街道 巴南区人民广场', latitude: 29.389, longitude: 106.527, phone: '023-66220000',
}
