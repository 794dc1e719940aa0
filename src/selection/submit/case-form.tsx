// 典型案例申报: the category (personal ones — 代表人物、好医生、助产士 — also need the person's name), 申报单位,
// 案例名称, 案例材料 (20–1500 字, counted as typed), 1–9 photos uploaded as chosen, then 提交申报 → 审核中.
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { WORK_LIMITS, type SelectionView } from '@/contract/selection'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldInput, FieldTextarea, FormField } from '@/components/form-field'
import { usePhotos } from '../hooks/use-photos'
import { useSubmitForm } from '../hooks/use-submit-form'
import { ImagePicker } from '../components/image-picker'
import { caseErrors, caseFieldOf, CASE_TEXT_MIN, caseTextHint, type CaseForm as Form } from '../utils/case-rules'
import { FormHead, SubmitFooter } from './form-parts'

const initial: Form = { category: '', institution: '', person: '', title: '', story: '' }

export function CaseForm({ selection }: { selection: SelectionView }) {
  const { photos, add, remove, retry } = usePhotos()
  const category = (key: string) => selection.categories.find((c) => c.key === key)
  const { form, errors, formError, pending, update, clear, submit } = useSubmitForm({
    initial,
    fieldOf: caseFieldOf,
    validate: (f) => caseErrors(f, category(f.category), photos),
    build: (f) => ({
      kind: 'cases', selectionId: selection._id, category: f.category, title: f.title.trim(), story: f.story.trim(),
      images: photos.map((p) => p.fileID ?? ''),
      applicant: category(f.category)?.personal
        ? { institution: f.institution.trim(), person: f.person.trim() }
        : { institution: f.institution.trim() },
    }),
  })
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: '申报典型案例' }).catch(() => undefined)
  }, [])
  const personal = category(form.category)?.personal ?? false
  return (
    <View>
      <FormHead selection={selection} />
      <FormField label='案例类别' required error={errors.category}>
        <ChoiceChips
          options={selection.categories.map((c) => ({ value: c.key, label: c.label }))}
          selected={form.category ? [form.category] : []}
          onToggle={(key) => { update({ category: key }); clear('person') }}
        />
      </FormField>
      <FormField label='申报单位' required error={errors.institution}>
        <FieldInput value={form.institution} onChange={(institution) => update({ institution })} placeholder='填写申报单位全称' maxlength={WORK_LIMITS.institutionMax} />
      </FormField>
      {personal ? (
        <FormField label='人物姓名' required error={errors.person} hint='本类别推荐的是个人，请填写被推荐人物的姓名。'>
          <FieldInput value={form.person} onChange={(person) => update({ person })} placeholder='被推荐人物的姓名' maxlength={WORK_LIMITS.personMax} />
        </FormField>
      ) : null}
      <FormField label='案例名称' required error={errors.title}>
        <FieldInput value={form.title} onChange={(title) => update({ title })} placeholder='给案例起个名称' maxlength={WORK_LIMITS.titleMax} />
      </FormField>
      <FormField label={`案例材料（${CASE_TEXT_MIN}–${WORK_LIMITS.caseTextMax} 字）`} required error={errors.story} hint={caseTextHint(form.story)}>
        <FieldTextarea value={form.story} onChange={(story) => update({ story })} placeholder='介绍案例的做法、成效和特色' maxlength={WORK_LIMITS.caseTextMax} />
      </FormField>
      <FormField label={`案例图片（1–${WORK_LIMITS.imagesMax} 张）`} required error={errors.images} hint='第一张作为封面。'>
        <ImagePicker photos={photos} max={WORK_LIMITS.imagesMax} onAdd={() => { clear('images'); void add() }} onRemove={remove} onRetry={retry} />
      </FormField>
      <SubmitFooter formError={formError} pending={pending} onSubmit={() => void submit()} label='提交申报' />
    </View>
  )
}
