// The document id rule shared by every function's inputs.
import * as z from 'zod'

export const idSchema = z
  .string({ error: '缺少编号' })
  .min(1, '编号不能为空')
  .max(64, '编号过长')
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确')
