// Turns zod's issues into the contract's Chinese field issues, so a form can show what to fix.
import type * as z from 'zod'
import type { FieldIssue } from '../../src/contract/result'

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(整体)',
    message: chineseMessage(issue),
  }))
}

function chineseMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `不认识的字段：${issue.keys.join('、')}`
  if (issue.code === 'invalid_type') {
    return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : `字段类型不正确，应为 ${issue.expected}`
  }
  return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '格式不正确'
}
