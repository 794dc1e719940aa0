// The `festival` function: what residents read (the published festival, its venues and events), and
// their reminders of events (提醒我; sent by the clinic reminder engine).
import * as z from 'zod'
import { c, defineContract } from './define'
import type { EventDetail, HomeView, VenueDetail, VenuePlace, VenueSummary } from './model'
import { idSchema } from './ids'
import type { EventReminder, EventReminderStatus } from './reminders'
import type { EditionSummary } from './edit'

const empty = z.object({}).strict()

export const festivalContract = defineContract({
  home: { input: empty, output: c.type<HomeView>() },
  /** Every published edition, newest first (往届回顾). */
  editions: { input: empty, output: c.type<EditionSummary[]>() },
  venues: { input: z.object({ festivalId: idSchema.optional() }).strict(), output: c.type<VenueSummary[]>() },
  venue: { input: z.object({ venueId: idSchema }).strict(), output: c.type<VenueDetail>() },
  event: { input: z.object({ eventId: idSchema }).strict(), output: c.type<EventDetail>() },
  reminder: { input: z.object({ eventId: idSchema }).strict(), output: c.type<EventReminderStatus>() },
  remind: { input: z.object({ eventId: idSchema }).strict(), output: c.type<EventReminder>() },
  cancelReminder: { input: z.object({ eventId: idSchema }).strict(), output: c.type<EventReminder>() },
  myReminders: { input: empty, output: c.type<EventReminder[]>() },
  /** Address, coordinates and phone of a few venues (a clinic slot's, or those of 我的报名). */
  places: {
    input: z.object({
      venueIds: z.array(idSchema, { error: '请指定分会场' }).min(1, '请至少指定一个分会场').max(20, '一次最多查询 20 个分会场'),
    }).strict(),
    output: c.type<VenuePlace[]>(),
  },
})
