// 上传作品 / 申报案例: the form of the selection's kind — photos (PhotoForm), a one-minute video
// (VideoForm) or a typical case (CaseForm) — only while its submission window is open. The privacy
// prompt answers WeChat's authorization request before the photo or video chooser opens (weapp).
import { View } from '@tarojs/components'
import type { SelectionView } from '@/contract/selection'
import { ActionButton } from '@/components/action-button'
import { Empty, StateGate } from '@/components/state-view'
import { openPage } from '@/utils/nav'
import { selectionRoutes } from '../routes'
import { useSelection } from '../hooks/use-selection'
import { PrivacyPrompt } from '../components/privacy-prompt'
import { submitWindow } from '../utils/text'
import { PhotoForm } from './photo-form'
import { VideoForm } from './video-form'
import { CaseForm } from './case-form'
import { useRouteParams } from '@/hooks/use-route-params'
import '../styles.scss'
import './index.scss'

function Closed({ selection }: { selection: SelectionView }) {
  return (
    <Empty
      title='现在不在征集时间内'
      hint={submitWindow(selection)}
      action={<ActionButton kind='plain' onClick={() => openPage(selectionRoutes.gallery(selection._id))}>查看作品展示</ActionButton>}
    />
  )
}

function FormOf({ selection }: { selection: SelectionView }) {
  if (!selection.canSubmit) return <Closed selection={selection} />
  if (selection.kind === 'video') return <VideoForm selection={selection} />
  if (selection.kind === 'cases') return <CaseForm selection={selection} />
  return <PhotoForm selection={selection} />
}

export default function SelectionSubmitPage() {
  const { sel } = useRouteParams()
  const selection = useSelection({ sel })
  return (
    <View className='page selection-submit'>
      <StateGate state={selection}>{(s) => <FormOf key={s._id} selection={s} />}</StateGate>
      <PrivacyPrompt />
    </View>
  )
}
