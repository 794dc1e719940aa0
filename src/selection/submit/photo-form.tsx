// 幸福亲子照: 1–9 photos uploaded as they are chosen, title, short story, 作品中有儿童 with the guardian's
// consent, then 提交作品 → 审核中.
import { View } from '@tarojs/components'
import { WORK_LIMITS, type SelectionView } from '@/contract/selection'
import { FieldInput, FieldTextarea, FormField } from '@/components/form-field'
import { usePhotos } from '../hooks/use-photos'
import { firstSegmentIn } from '@/utils/field-issues'
import { useSubmitForm } from '../hooks/use-submit-form'
import { ImagePicker } from '../components/image-picker'
import { compact, consentError, photosError, storyError, titleError } from '../utils/work-rules'
import { ConsentFields, FormHead, SubmitFooter } from './form-parts'

const FIELDS = ['title', 'story', 'images', 'guardianConsent'] as const
const initial = { title: '', story: '', showsChild: false, guardianConsent: false }

export function PhotoForm({ selection }: { selection: SelectionView }) {
  const { photos, add, remove, retry } = usePhotos()
  const { form, errors, formError, pending, update, clear, submit } = useSubmitForm({
    initial,
    fieldOf: firstSegmentIn(FIELDS),
    validate: (f) => compact({
      title: titleError(f.title), story: storyError(f.story, '故事'), images: photosError(photos), guardianConsent: consentError(f.showsChild, f.guardianConsent),
    }),
    build: (f) => ({
      kind: 'photo', selectionId: selection._id, title: f.title.trim(), story: f.story.trim(),
      images: photos.map((p) => p.fileID ?? ''), showsChild: f.showsChild, guardianConsent: f.showsChild && f.guardianConsent,
    }),
  })
  return (
    <View>
      <FormHead selection={selection} />
      <FormField label={`照片（1–${WORK_LIMITS.imagesMax} 张）`} required error={errors.images} hint='第一张作为封面。'>
        <ImagePicker photos={photos} max={WORK_LIMITS.imagesMax} onAdd={() => { clear('images'); void add() }} onRemove={remove} onRetry={retry} />
      </FormField>
      <FormField label='作品标题' required error={errors.title}>
        <FieldInput value={form.title} onChange={(title) => update({ title })} placeholder='给照片起个名字' maxlength={WORK_LIMITS.titleMax} />
      </FormField>
      <FormField label='照片背后的故事' error={errors.story}>
        <FieldTextarea value={form.story} onChange={(story) => update({ story })} placeholder='讲讲拍照时的故事（选填）' maxlength={WORK_LIMITS.storyMax} />
      </FormField>
      <ConsentFields noun='照片' showsChild={form.showsChild} guardianConsent={form.guardianConsent} error={errors.guardianConsent} onChange={update} />
      <SubmitFooter formError={formError} pending={pending} onSubmit={() => void submit()} />
    </View>
  )
}
