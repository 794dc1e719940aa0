// 上传作品 (photos): 1–9 photos uploaded as they are chosen, title, short story, 作品中有儿童 with the
// guardian's consent, then 提交作品 → 审核中. Only while the selection's submission window is open.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { WORK_LIMITS, type SelectionView } from '@/contract/selection'
import { ActionButton } from '@/components/action-button'
import { CheckRow } from '@/components/check-row'
import { FieldInput, FieldTextarea, FormField } from '@/components/form-field'
import { Empty, StateGate } from '@/components/state-view'
import { openPage } from '@/utils/nav'
import { contestRoutes } from '../routes'
import { useSelection } from '../hooks/use-selection'
import { usePhotos } from '../hooks/use-photos'
import { useSubmitForm } from '../hooks/use-submit-form'
import { ImagePicker } from '../components/image-picker'
import { submitWindow } from '../utils/text'
import './index.scss'

function PhotoForm({ selection }: { selection: SelectionView }) {
  const { photos, add, remove, retry } = usePhotos()
  const { form, errors, formError, pending, update, submit } = useSubmitForm(selection._id, photos)
  return (
    <View>
      <Text className='contest-submit__title'>{selection.title}</Text>
      <Text className='contest-submit__line'>{submitWindow(selection)}</Text>
      <FormField label={`照片（1–${WORK_LIMITS.imagesMax} 张）`} required error={errors.images} hint='第一张作为封面。'>
        <ImagePicker photos={photos} max={WORK_LIMITS.imagesMax} onAdd={() => void add()} onRemove={remove} onRetry={retry} />
      </FormField>
      <FormField label='作品标题' required error={errors.title}>
        <FieldInput value={form.title} onChange={(title) => update({ title })} placeholder='给照片起个名字' maxlength={WORK_LIMITS.titleMax} />
      </FormField>
      <FormField label='照片背后的故事' error={errors.story}>
        <FieldTextarea value={form.story} onChange={(story) => update({ story })} placeholder='讲讲拍照时的故事（选填）' maxlength={WORK_LIMITS.storyMax} />
      </FormField>
      <CheckRow checked={form.showsChild} onChange={(showsChild) => update({ showsChild, guardianConsent: showsChild && form.guardianConsent })}>
        <Text className='contest-submit__check'>作品中有儿童</Text>
      </CheckRow>
      {form.showsChild ? (
        <FormField label='监护人同意' required error={errors.guardianConsent}>
          <CheckRow checked={form.guardianConsent} onChange={(guardianConsent) => update({ guardianConsent })}>
            <Text className='contest-submit__check'>我是照片中儿童的监护人，同意公开展示这件作品</Text>
          </CheckRow>
        </FormField>
      ) : null}
      {formError ? <View className='contest-submit__error' role='alert'><Text>{formError}</Text></View> : null}
      <View className='contest-submit__actions'>
        <ActionButton disabled={pending} onClick={() => void submit()}>{pending ? '正在提交…' : '提交作品'}</ActionButton>
      </View>
    </View>
  )
}

function Closed({ selection }: { selection: SelectionView }) {
  const kind = selection.kind === 'photo' ? '' : '（视频和典型案例请在电脑端或联系组委会提交）'
  return (
    <Empty
      title={selection.canSubmit ? `本项征集暂不支持在小程序上传${kind}` : '现在不在征集时间内'}
      hint={submitWindow(selection)}
      action={<ActionButton kind='plain' onClick={() => openPage(contestRoutes.gallery(selection._id))}>查看作品展示</ActionButton>}
    />
  )
}

export default function ContestSubmitPage() {
  const { sel } = useRouter().params
  const selection = useSelection({ sel })
  return (
    <View className='page contest-submit'>
      <StateGate state={selection}>
        {(s) => (s.canSubmit && s.kind === 'photo' ? <PhotoForm selection={s} /> : <Closed selection={s} />)}
      </StateGate>
    </View>
  )
}
