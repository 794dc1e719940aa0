// The `account` function (invite codes and roles): each action's input schema (zod, Chinese messages that
// say what to fix) beside its output type. The app imports the types only, so zod stays out of its bundle.
import * as z from 'zod'
import { c, defineContract } from './define'
import type { Me } from './model'
import type { InviteView, Redeemed } from './account'
import { plainText } from './plain-text'
import { INVITE_ALPHABET, INVITE_CODE_LENGTH } from './account'

const empty = z.object({}).strict()
const venueId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '分会场编号格式不正确')

const key = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '评选或类别编号格式不正确')
const expertScope = z
  .object({
    selectionId: key,
    categories: z.array(key, { error: '请选择评审类别' }).min(1, '请至少选择一个评审类别').max(20, '类别过多')
      .refine((list) => new Set(list).size === list.length, '类别有重复'),
  })
  .strict()

const inviteCode = z
  .string({ error: '请输入邀请码' })
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`), `邀请码是 ${INVITE_CODE_LENGTH} 位字母和数字，请核对后重新输入`))

export const accountContract = defineContract({
  whoami: { input: empty, output: c.type<Me>() },
  createInvite: {
    input: z
      .object({
        role: z.enum(['staff', 'organiser', 'expert'], { error: '请选择身份：分会场工作人员、组委会或评审专家' }),
        venueId: venueId.optional(),
        note: plainText('备注').max(40, '备注最多 40 字').optional(),
        uses: z.number().int('可用次数应为整数').min(1, '可用次数至少 1 次').max(50, '可用次数最多 50 次').optional(),
        validDays: z.number().int('有效天数应为整数').min(1, '有效期至少 1 天').max(30, '有效期最多 30 天').optional(),
        expertScope: expertScope.optional(),
      })
      .strict()
      .refine((v) => v.role !== 'staff' || v.venueId !== undefined, { message: '邀请分会场工作人员时请选择分会场', path: ['venueId'] })
      .refine((v) => v.role === 'expert' || v.expertScope === undefined, { message: '只有评审专家的邀请码可以指定评审类别', path: ['expertScope'] }),
    output: c.type<InviteView>(),
  },
  listInvites: { input: empty, output: c.type<InviteView[]>() },
  revokeInvite: { input: z.object({ code: inviteCode }).strict(), output: c.type<InviteView>() },
  redeemInvite: {
    input: z
      .object({
        code: z.union([inviteCode, z.string().trim().min(16, '邀请码不正确').max(64, '邀请码不正确')]),
        displayName: plainText('称呼', { required: '请填写您的称呼' }).min(1, '请填写您的称呼，如「巴南分会场 张医生」').max(20, '称呼最多 20 字'),
      })
      .strict(),
    output: c.type<Redeemed>(),
  },
})
