// The typed map of the whole API: function → action → { input, output }. Both the app's client and the
// functions' routers are typed from it, so a missing handler or a wrong payload fails the typecheck.
import type * as z from 'zod'
import type { functionContracts, FunctionName } from './schemas'
import type { InviteView, Redeemed } from './account'
import type { Me } from './model'
import type {
  CheckInResult, ClinicNotice, ClinicSlotDetail, ClinicSlotPage, HoldRepairRun, MySignup, ReminderRun, SignUpResult, SignupPerson,
} from './clinic'
import type * as S from './selection-views'
import type { Attendance, ExportFile, PurgeRun, RevealedEntry, SignupListPage } from './clinic-admin'
import type { SelectionView } from './selection'

/** Output types of the functions whose contract still keeps inputs in a separate *-schemas.ts file. */
interface LegacyOutputs {
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

type Contracts = typeof functionContracts

export type ActionName<F extends FunctionName> = keyof Contracts[F] & string

type OutputFor<F extends FunctionName, A extends ActionName<F>> = F extends keyof LegacyOutputs
  ? A extends keyof LegacyOutputs[F] ? LegacyOutputs[F][A] : never
  : Contracts[F][A] extends { output: infer O } ? O : never

type InputSchema<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { input: infer I extends z.ZodType } ? I : never

export type Api = {
  [F in FunctionName]: {
    [A in ActionName<F>]: {
      input: z.input<InputSchema<F, A>>
      parsed: z.output<InputSchema<F, A>>
      output: OutputFor<F, A>
    }
  }
}

export type InputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A]['input']
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A]['output']
