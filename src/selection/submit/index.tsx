// 上传作品 / 申报案例: the form of the selection's kind — photos (PhotoForm), a one-minute video
// (VideoForm) or a typical case (CaseForm) — only while its submission window is open. The privacy
// prompt answers WeChat's authorization request before the photo or video chooser opens (weapp).
// With ?redo=<workId>, the form corrects that rejected work (its reason above, its draft filled in).
import { Text, View } from '@tarojs/components'
import type { SelectionView } from '@/contract/selection'
import type { MyWork } from '@/contract/selection-views'
import { call } from '@/services/client'
import { useResult } from '@/hooks/use-result'
import { ActionButton } from '@/components/action-button'
import { Empty, StateGate } from '@/components/state-view'
import { openPage } from '@/utils/nav'
import { selectionRoutes } from '../routes'
import { useSelection } from '../hooks/use-selection'
import { RedoContext } from '../hooks/use-redo'
import { PrivacyPrompt } from '../components/privacy-prompt'
import { submitWindow } from '../utils/text'
import { PhotoForm } from './photo-form'
import { VideoForm } from './video-form'
import { CaseForm } from './case-form'
import { useRouteParams } from '../../hooks/use-route-params'
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

/** The rejection being answered, above the form: why, and the earlier ones. */
function RedoHead({ work }: { work: MyWork }) {
  return (
    <View className='selection-submit__redo'>
      <Text className='selection-submit__redo-title'>修改后重新提交「{work.title}」</Text>
      {work.reason ? <Text className='selection-submit__redo-reason'>未通过原因：{work.reason}</Text> : null}
      <Text className='selection-submit__redo-hint'>按原因修改后提交，作品会重新审核；原来的照片可以保留或删去。</Text>
    </View>
  )
}

function RedoForm({ selection, redo }: { selection: SelectionView; redo: string }) {
  const mine = useResult(() => call('selection', 'myWorks', { selectionId: selection._id }), `selection.myWorks:${selection._id}`)
  return (
    <StateGate state={mine}>
      {(works) => {
        const work = works.find((w) => w._id === redo)
        if (!work || work.status !== 'rejected') {
          return (
            <Empty
              title='这件作品现在不能修改'
              hint='只有未通过审核的作品可以修改后重新提交，请在「我的作品」查看它的状态。'
              action={<ActionButton kind='plain' onClick={() => openPage(selectionRoutes.mine)}>我的作品</ActionButton>}
            />
          )
        }
        return (
          <RedoContext.Provider value={work}>
            <RedoHead work={work} />
            <FormOf selection={selection} />
          </RedoContext.Provider>
        )
      }}
    </StateGate>
  )
}

export default function SelectionSubmitPage() {
  const { sel, redo } = useRouteParams()
  const selection = useSelection({ sel })
  return (
    <View className='page selection-submit'>
      <StateGate state={selection}>
        {(s) => (redo && s.canSubmit ? <RedoForm key={`${s._id}-${redo}`} selection={s} redo={redo} /> : <FormOf key={s._id} selection={s} />)}
      </StateGate>
      <PrivacyPrompt />
    </View>
  )
}
