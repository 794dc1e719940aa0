// One lecture: the video (WeChat Video; on h5 a <video>, served with range requests), starting where
// the resident stopped; topic, speaker (opens the think-tank page), duration, views, summary, related
// lectures and the festival events it belongs to. Opening it counts a view (the server counts a person
// once a China day); the position is saved every 15 s of playing, on pause and on leaving, and the end
// marks it 已看. Shareable to a chat and to 朋友圈.
import { useEffect, useRef } from 'react'
import { Text, Video, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { LECTURE_TOPIC_LABELS, type LectureDetail } from '@/contract'
import { call } from '@/services/client'
import { useAction } from '@/hooks/use-action'
import { ActionButton } from '@/components/action-button'
import { Card } from '@/components/card'
import { Section } from '@/components/section'
import { Empty, StateGate } from '@/components/state-view'
import { Tag } from '@/components/tag'
import { openPage } from '@/utils/nav'
import { EventLinks } from '../components/event-links'
import { ExpertCard } from '../components/expert-card'
import { LectureCard } from '../components/lecture-card'
import { learnRoutes } from '../routes'
import { formatDuration } from '../format'
import '../styles.scss'

const SAVE_EVERY_SECONDS = 15

/** Saves the playing position: periodically, on pause, at the end (已看, next time from the start) and on leaving. */
function useProgress(lectureId: string, start: number) {
  const position = useRef(start)
  const saved = useRef(start)
  const save = (finished = false) => {
    const at = finished ? 0 : Math.floor(position.current)
    if (!finished && at === saved.current) return
    saved.current = at
    void call('content', 'progress', { lectureId, position: at, ...(finished ? { finished: true } : {}) })
  }
  const saveRef = useRef(save)
  saveRef.current = save
  useEffect(() => () => saveRef.current(), [])
  return {
    onTime: (seconds: number) => {
      position.current = seconds
      if (Math.abs(seconds - saved.current) >= SAVE_EVERY_SECONDS) save()
    },
    onPause: () => save(),
    onEnded: () => {
      position.current = 0
      save(true)
    },
  }
}

function Player({ detail }: { detail: LectureDetail }) {
  const { lecture, progress } = detail
  const start = progress && progress.position > 0 ? progress.position : 0
  const track = useProgress(lecture._id, start)
  if (!lecture.videoUrl) {
    return <View className='lecture-player lecture-player--none'><Text>本讲视频正在上传，请稍后再来观看</Text></View>
  }
  return (
    <View className='lecture-player'>
      <Video
        className='lecture-player__video'
        src={lecture.videoUrl}
        poster={lecture.coverUrl || undefined}
        initialTime={start}
        controls
        showFullscreenBtn
        title={lecture.title}
        onTimeUpdate={(e) => track.onTime(e.detail.currentTime)}
        onPause={track.onPause}
        onEnded={track.onEnded}
      />
      {start > 0 ? <Text className='lecture-player__resume'>已从上次看到的 {formatDuration(start)} 处继续播放</Text> : null}
    </View>
  )
}

function LectureContent({ detail }: { detail: LectureDetail }) {
  const { lecture, speaker, related, events } = detail
  return (
    <View>
      <Player detail={detail} />
      <Card className='lecture-head'>
        <Text className='lecture-head__title'>{lecture.title}</Text>
        <View className='lecture-head__tags'>
          <Tag>{LECTURE_TOPIC_LABELS[lecture.topic]}</Tag>
          {lecture.watched || detail.progress?.watched ? <Tag tone='grey'>已看</Tag> : null}
        </View>
        <Text className='lecture-head__meta'>时长 {formatDuration(lecture.durationSec)} · {lecture.views} 次观看</Text>
      </Card>
      {speaker ? (
        <Section title='主讲专家'>
          <ExpertCard expert={speaker} />
        </Section>
      ) : null}
      <Section title='课程简介'>
        <Text className='paragraph'>{lecture.summary}</Text>
      </Section>
      <EventLinks title='相关活动' events={events} />
      {related.length > 0 ? (
        <Section title='相关课程'>
          {related.map((r) => <LectureCard key={r._id} lecture={r} />)}
        </Section>
      ) : null}
    </View>
  )
}

function LectureLoader({ id }: { id: string }) {
  const state = useAction('content', 'lecture', { lectureId: id })
  const title = state.data?.lecture.title
  useEffect(() => {
    void call('content', 'view', { lectureId: id })
  }, [id])
  useEffect(() => {
    if (title) Taro.setNavigationBarTitle({ title }).catch(() => undefined)
  }, [title])
  useShareAppMessage(() => ({ title: title ?? '妇幼健康科普大讲堂', path: learnRoutes.lecture(id) }))
  useShareTimeline(() => ({ title: title ?? '妇幼健康科普大讲堂', query: `id=${encodeURIComponent(id)}` }))
  return <StateGate state={state}>{(detail) => <LectureContent detail={detail} />}</StateGate>
}

export default function LecturePage() {
  const id = useRouter().params.id ?? ''
  return (
    <View className='page learn-lecture'>
      {id ? <LectureLoader id={id} /> : (
        <Empty
          title='没有指定课程'
          hint='请从科普大讲堂的课程列表中选择。'
          action={<ActionButton onClick={() => openPage(learnRoutes.lectures)}>查看全部课程</ActionButton>}
        />
      )}
    </View>
  )
}
