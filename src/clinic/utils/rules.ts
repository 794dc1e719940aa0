// The sign-up form's client-side checks: the same patterns and messages as the `clinic.signUp` schema
// (contract/clinic-contract.ts, which the app cannot import without bundling zod). A test compares them.
export const NAME_PATTERN = /^[\u3400-\u9fffA-Za-z·• ]+$/
export const PHONE_PATTERN = /^1[3-9]\d{9}$/
export const BIRTH_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/
export const PHONE_TAIL_PATTERN = /^\d{4}$/

export const MESSAGES = {
  nameMissing: '请填写姓名',
  nameLong: '姓名最多 20 个字',
  nameChars: '姓名只能包含汉字、字母和间隔号「·」',
  phoneMissing: '请填写手机号码',
  phone: '请填写 11 位大陆手机号码，如 13812345678',
  category: '请选择人群类别：孕产妇、儿童、妇女或其他',
  birthMonthMissing: '为孩子报名请填写出生年月（如 2020-05），报名账号的主人即为监护人',
  birthMonth: '出生年月格式应为 YYYY-MM，如 2020-05',
  services: '请至少选择一项义诊服务',
  note: '备注最多 200 字',
  agree: '请先阅读并勾选同意《义诊报名个人信息说明》，再提交报名',
  phoneTail: '请输入手机号后 4 位数字',
} as const

export function nameError(name: string): string | undefined {
  const text = name.trim()
  if (!text) return MESSAGES.nameMissing
  if (text.length > 20) return MESSAGES.nameLong
  return NAME_PATTERN.test(text) ? undefined : MESSAGES.nameChars
}

export function phoneError(phone: string): string | undefined {
  const text = phone.trim()
  if (!text) return MESSAGES.phoneMissing
  return PHONE_PATTERN.test(text) ? undefined : MESSAGES.phone
}
