// The typed map of the whole API: function → action → { input, output }. Both the app's client and the
// functions' routers are typed from it, so a missing handler or a wrong payload fails the typecheck.
import type * as z from 'zod'
import type { functionSchemas, FunctionName } from './schemas'
import type { InviteView, Redeemed } from './account'
import type { EventDetail, HomeView, Me, VenueDetail, VenueSummary } from './model'
import type {
  CheckInResult, ClinicNotice, ClinicSlotDetail, ClinicSlotPage, HoldRepairRun, MySignup, ReminderRun, SignUpResult, SignupPerson,
} from './clinic'
import type * as S from './selection-views'
import type { Attendance, ExportFile, PurgeRun, RevealedEntry, SignupListPage } from './clinic-admin'
import type { SelectionView } from './selection'

interface Outputs {
  festival: {
    home: HomeView
    venues: VenueSummary[]
    venue: VenueDetail
    event: EventDetail
  }
  account: {
    whoami: Me
    createInvite: InviteView
    listInvites: InviteView[]
    revokeInvite: InviteView
    redeemInvite: Redeemed
  }
  clinic: {
    slots: ClinicSlotPage
    slot: ClinicSlotDetail
    signUp: SignUpResult
    cancel: { signup: MySignup }
    mySignups: MySignup[]
    lastEntries: SignupPerson[]
    myNotices: ClinicNotice[]
    checkIn: CheckInResult
    createSlot: ClinicSlotDetail
    updateSlot: ClinicSlotDetail
    sendReminders: ReminderRun
    repairHolds: HoldRepairRun
  }
  clinicAdmin: {
    signupList: SignupListPage
    revealSignup: RevealedEntry
    attendance: Attendance
    exportSignups: ExportFile
    purgePersonalData: PurgeRun
  }
  selection: {
    selections: SelectionView[]
    submit: S.MyWork
    myWorks: S.MyWork[]
    withdraw: S.MyWork
    gallery: S.GalleryPage
    work: S.WorkDetail
    vote: S.VoteResult
    ranking: S.RankingPage
    results: S.ResultsView
    reviewQueue: S.ReviewQueuePage
    review: S.ReviewOutcome
    markInspected: S.AuditOutcome
    voteWatch: S.VoteWatch
    voidVotes: S.VoidOutcome
    publishResults: S.PublishOutcome
    setWeights: S.AuditOutcome
    assignExpert: S.AuditOutcome
    mediaCheckResult: S.AuditOutcome
    expertCases: { items: S.ExpertCase[]; nextCursor: string | null }
    scoreCase: S.ScoreOutcome
    shareCode: S.ShareCode
    recountVotes: S.RecountRun
    uploadTicket: S.UploadTicket
    purgeUploads: S.UploadPurgeRun
  }
}

type Schemas = typeof functionSchemas

export type ActionName<F extends FunctionName> = keyof Schemas[F] & keyof Outputs[F] & string

export type Api = {
  [F in FunctionName]: {
    [A in ActionName<F>]: {
      input: Schemas[F][A] extends z.ZodType ? z.input<Schemas[F][A]> : never
      parsed: Schemas[F][A] extends z.ZodType ? z.output<Schemas[F][A]> : never
      output: Outputs[F][A]
    }
  }
}

export type InputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A]['input']
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A]['output']
