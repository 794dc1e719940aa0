// What the reminder engine (server/clinic/reminders.ts) needs of each kind of reminder — clinic sign-ups,
// festival events — so every kind goes through its one claim-then-deliver path.
import type { Ctx } from '../core/context'

/** A notice to one resident: the outbox record and the subscribe message (fields: thing1 time2 thing3 thing4). */
export interface ReminderNotice {
  kind: 'promoted' | 'reminder' | 'event'
  openid: string
  /** The record the notice is about (a sign-up, an event reminder). */
  signupId: string
  /** Its slot or event. */
  slotId: string
  title: string
  body: string
  page: string
  fields: { slot: string; time: string; place: string; tip: string }
}

/** One kind of reminder: which items are due now, how one is claimed, and what its notice says. */
export interface ReminderSource<D> {
  name: 'clinic' | 'event'
  /** Pages of due, unclaimed items; asked again after each page is claimed. */
  pages(ctx: Ctx, now: Date): AsyncGenerator<D[]>
  /** Marks the item reminded (one conditional update); false when another run took it first. */
  claim(ctx: Ctx, item: D, at: string): Promise<boolean>
  notice(item: D): ReminderNotice
  outboxId(item: D): string
}
