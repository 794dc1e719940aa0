// 1分钟说孕产健康: one video (checked for length and size before it uploads, then uploaded with its cover
// frame), title, summary, 作品中有儿童 with the guardian's consent, then 提交作品 → 审核中 (every video
// is watched by a reviewer before it is shown).
import { View } from '@tarojs/components'
import { WORK_LIMITS, type SelectionView } from '@/contract/selection'
import { FieldInput, FieldTextarea, FormField } from '@/components/form-field'
import { useVideo } from '../hooks/use-video'
import { useSubmitForm } from '../hooks/use-submit-form'
import { VideoPicker } from '../components/video-picker'
import { videoError } from '../utils/video-rules'
import { compact, consentError, storyError, titleError } from '../utils/work-rules'
import { ConsentFields, FormHead, SubmitFooter } from './form-parts'

type Field = 'title' | 'story' | 'video' | 'guardianConsent'
const initial = { title: '', story: '', showsChild: false, guardianConsent: false }

const fieldOf = (path: string): Field | undefined => {
  const head = path.split('.')[0]
  if (head === 'video' || head === 'cover') return 'video'
  return head === 'title' || head === 'story' || head === 'guardianConsent' ? head : undefined
}

export function VideoForm({ selection }: { selection: SelectionView }) {
  const { video, problem, choose, retry } = useVideo()
  const { form, errors, formError, pending, update, clear, submit } = useSubmitForm({
    initial,
    fieldOf,
    validate: (f) => compact({
      title: titleError(f.title), story: storyError(f.story, '简介'), video: videoError(video), guardianConsent: consentError(f.showsChild, f.guardianConsent),
    }),
    build: (f) => ({
      kind: 'video', selectionId: selection._id, title: f.title.trim(), story: f.story.trim(),
      video: { fileID: video?.fileID ?? '', duration: video?.duration ?? 0, size: video?.size ?? 0 }, cover: video?.coverID ?? '',
      showsChild: f.showsChild, guardianConsent: f.showsChild && f.guardianConsent,
    }),
  })
  return (
    <View>
      <FormHead selection={selection} />
      <FormField label='视频' required error={problem || errors.video} hint={`时长不超过 ${WORK_LIMITS.videoSecondsMax} 秒，大小不超过 ${WORK_LIMITS.videoBytesMax / 1024 / 1024} MB；封面取自视频画面。`}>
        <VideoPicker video={video} onChoose={() => { clear('video'); void choose() }} onRetry={retry} />
      </FormField>
      <FormField label='作品标题' required error={errors.title}>
        <FieldInput value={form.title} onChange={(title) => update({ title })} placeholder='给视频起个名字' maxlength={WORK_LIMITS.titleMax} />
      </FormField>
      <FormField label='视频简介' error={errors.story}>
        <FieldTextarea value={form.story} onChange={(story) => update({ story })} placeholder='用几句话介绍视频讲的孕产健康知识（选填）' maxlength={WORK_LIMITS.storyMax} />
      </FormField>
      <ConsentFields noun='视频' showsChild={form.showsChild} guardianConsent={form.guardianConsent} error={errors.guardianConsent} onChange={update} />
      <SubmitFooter formError={formError} pending={pending} onSubmit={() => void submit()} />
    </View>
  )
}
