// 作品详情: a work's pictures (tap to view full size) or video, number, title, story and votes; 投票 with
// the caller's remaining votes judged by the server; 分享给好友 opens this work, 生成海报 makes a poster
// with its mini-program code. Opens by ?id= or by ?scene= (what WeChat passes when that code is
// scanned). The author of a work not yet published sees its status and, when rejected, the reason.
import { Image, Text, Video, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import type { WorkDetail } from '@/contract/selection-views'
import { call } from '@/services/client'
import { useResult } from '@/hooks/use-result'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { ActionButton } from '@/components/action-button'
import { ShareButton } from '../../components/share-button'
import { Tag } from '@/components/tag'
import { Empty, StateGate } from '@/components/state-view'
import { openPage } from '@/utils/nav'
import { selectionRoutes } from '../routes'
import { useVote } from '../hooks/use-vote'
import { statusLabel, workNumber } from '../utils/text'
import { VotePanel } from '../components/vote-panel'
import { PosterSheet } from '../components/poster-sheet'
import { useRouteParams } from '../../hooks/use-route-params'
import '../styles.scss'
import './index.scss'

function Pictures({ urls }: { urls: string[] }) {
  const shown = urls.filter(Boolean)
  const preview = (current: string) => Taro.previewImage({ urls: shown, current }).catch(() => undefined)
  return (
    <View className='selection-work__pictures'>
      {shown.map((url, i) => (
        <Image key={url} className={i === 0 ? 'selection-work__picture' : 'selection-work__thumb'} src={url} mode={i === 0 ? 'widthFix' : 'aspectFill'} onClick={() => void preview(url)} />
      ))}
      {shown.length > 0 ? <Text className='selection-work__hint'>轻点图片可查看大图</Text> : null}
    </View>
  )
}

function WorkContent({ detail, reload }: { detail: WorkDetail; reload: () => Promise<void> }) {
  const { work, voting } = detail
  const { vote, pending, message } = useVote(work.selectionId, work._id, reload)
  return (
    <View>
      {work.videoUrl ? <Video className='selection-work__video' src={work.videoUrl} poster={work.coverUrl} controls {...(work.duration ? { duration: work.duration } : {})} /> : <Pictures urls={work.imageUrls} />}
      <View className='selection-work__head'>
        <Text className='selection-work__number'>{workNumber(work.number)}</Text>
        {work.status !== 'published' ? <Tag tone={work.status === 'rejected' ? 'amber' : 'grey'}>{statusLabel(work.status)}</Tag> : null}
      </View>
      <Text className='selection-work__title'>{work.title}</Text>
      {work.applicant ? <Text className='selection-work__meta'>{work.applicant.institution}{work.applicant.person ? ` · ${work.applicant.person}` : ''}</Text> : null}
      {work.reason ? <Text className='selection-work__reason'>未通过原因：{work.reason}</Text> : null}
      {work.story ? <Text className='selection-work__story'>{work.story}</Text> : null}
      {work.status === 'published' ? <VotePanel votes={work.votes} voting={voting} pending={pending} message={message} onVote={() => void vote()} /> : null}
      <View className='selection-work__actions'>
        <ShareButton className='selection-work__share' title={`请为 ${workNumber(work.number)}「${work.title}」投一票`} path={selectionRoutes.work(work._id)} />
        {work.status === 'published' ? <PosterSheet workId={work._id} /> : null}
        <ActionButton kind='plain' onClick={() => openPage(selectionRoutes.ranking(work.selectionId))}>查看排行榜</ActionButton>
      </View>
    </View>
  )
}

type WorkRef = { workId: string } | { scene: string }

function WorkLoader({ workRef }: { workRef: WorkRef }) {
  const state = useResult(() => call('selection', 'work', workRef), `selection.work:${JSON.stringify(workRef)}`)
  usePullRefresh(state.reload)
  useShareAppMessage(() => ({
    title: state.data ? `请为 ${workNumber(state.data.work.number)}「${state.data.work.title}」投一票` : '妇幼健康公益文化节作品',
    path: state.data ? selectionRoutes.work(state.data.work._id) : 'workId' in workRef ? selectionRoutes.work(workRef.workId) : '/pages/index/index',
    ...(state.data?.work.coverUrl ? { imageUrl: state.data.work.coverUrl } : {}),
  }))
  return <StateGate state={state}>{(detail) => <WorkContent detail={detail} reload={state.reload} />}</StateGate>
}

/** WeChat passes a scanned code's scene URI-encoded. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export default function SelectionWorkPage() {
  const { id, scene } = useRouteParams()
  const workRef: WorkRef | null = id ? { workId: id } : scene ? { scene: decoded(scene) } : null
  return (
    <View className='page selection-work'>
      {workRef ? <WorkLoader key={JSON.stringify(workRef)} workRef={workRef} /> : <Empty title='没有指定作品' hint='请从作品展示中选择一件作品。' />}
    </View>
  )
}
