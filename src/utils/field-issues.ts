// A form's errors by field, and the server's field issues sorted onto them: an issue whose path a
// form's `fieldOf` maps to one of its fields goes beside that field (the first one per field wins),
// the rest are left for the form to show above its button.
import type { FieldIssue } from '@/contract'

export type FormErrors<K extends string> = Partial<Record<K, string>>

export function placeIssues<K extends string>(
  issues: readonly FieldIssue[] | undefined,
  fieldOf: (path: string) => K | undefined,
): { fields: FormErrors<K>; other: string[] } {
  const fields: FormErrors<K> = {}
  const other: string[] = []
  for (const issue of issues ?? []) {
    const key = fieldOf(issue.path)
    if (key === undefined) other.push(issue.message)
    else if (fields[key] === undefined) fields[key] = issue.message
  }
  return { fields, other }
}

/** The usual mapping: the path's first segment ('services.0' → services) when it is one of the form's fields. */
export const firstSegmentIn = <K extends string>(fields: readonly K[]) => (path: string): K | undefined => {
  const head = path.split('.')[0] as K
  return fields.includes(head) ? head : undefined
}
