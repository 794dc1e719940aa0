// plainText: the zod string every free-text field of every input schema starts from — trimmed, line
// breaks normalised where the field takes several lines, and refused with a Chinese message that says
// what to remove unless it is plain text (text-rule.ts). Chain .min/.max/.regex on it as on any string.
import * as z from 'zod'
import { normaliseLineBreaks, plainTextProblem } from './text-rule'

export interface PlainTextOptions {
  /** The field takes several lines (notes, stories, reasons); elsewhere a line break is refused. */
  multiline?: boolean
  /** The message when the value is missing or not text; default 请填写<label>. */
  required?: string
}

export function plainText(label: string, options: PlainTextOptions = {}): z.ZodString {
  const multiline = options.multiline === true
  const base = z.string({ error: options.required ?? `请填写${label}` })
  return (multiline ? base.overwrite(normaliseLineBreaks) : base).trim().superRefine((value, ctx) => {
    const problem = plainTextProblem(value, label, multiline)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
}
