// Client checks of a typical-case application, matching the function's validators: a category from the
// selection's list, 申报单位 2–60 字, the person's name when the category names a person, 案例名称 2–30 字,
// 案例材料 20–1500 字 (trimmed), 1–9 uploaded photos. Server issues map back to these fields.
import { WORK_LIMITS, type CaseCategory } from '@/contract/selection'
import type { PhotoItem } from './picked'
import { compact, photosError, titleError } from './work-rules'

export interface CaseForm {
  category: string
  institution: string
  person: string
  title: string
  story: string
}

export type CaseField = 'category' | 'institution' | 'person' | 'title' | 'story' | 'images'

export const CASE_TEXT_MIN = 20

export function caseErrors(f: CaseForm, category: CaseCategory | undefined, photos: PhotoItem[]): Partial<Record<CaseField, string>> {
  const institution = f.institution.trim()
  const person = f.person.trim()
  const story = f.story.trim()
  return compact({
    category: category ? undefined : '请选择案例类别',
    institution: !institution ? '请填写申报单位' : institution.length < 2 ? '申报单位至少 2 个字' : undefined,
    person: category?.personal && !person ? `「${category.label}」类别请填写被推荐人物的姓名` : undefined,
    title: titleError(f.title, '案例名称', 2),
    story: !story ? '请填写案例材料'
      : story.length < CASE_TEXT_MIN ? `案例材料至少 ${CASE_TEXT_MIN} 个字，现在 ${story.length} 个字`
        : story.length > WORK_LIMITS.caseTextMax ? `案例材料最多 ${WORK_LIMITS.caseTextMax} 个字，请删减后再提交` : undefined,
    images: photosError(photos),
  })
}

/** Below the text box while it is too short: how many characters are still needed. */
export function caseTextHint(story: string): string | undefined {
  const n = story.trim().length
  return n < CASE_TEXT_MIN ? `还需 ${CASE_TEXT_MIN - n} 字（至少 ${CASE_TEXT_MIN} 字）` : undefined
}

export function caseFieldOf(path: string): CaseField | undefined {
  if (path === 'applicant.institution') return 'institution'
  if (path === 'applicant.person') return 'person'
  const head = path.split('.')[0]
  return head === 'category' || head === 'title' || head === 'story' || head === 'images' ? head : undefined
}
