// 我的报名: clinic messages (候补转正, reminders) and my sign-ups grouped into 今天 / 即将开始 /
// 已结束或已取消, each with its status, slot, way there, check-in QR code for a confirmed place,
// 取消报名 (confirm first) and, on demand, its services and history.
import { View } from '@tarojs/components'
import { ok, type ClinicNotice, type MySignup, type Result, type VenuePlace } from '@/contract'
import { call } from '@/services/client'
import { useResult } from '@/hooks/use-result'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { Empty, StateGate } from '@/components/state-view'
import { openPage } from '@/utils/nav'
import { clinicRoutes } from '../routes'
import { useCancel } from '../hooks/use-cancel'
import { NoticeList } from '../components/notice-list'
import { SignupCard } from '../components/signup-card'
import { groupMine, MINE_GROUP_TITLES } from '../utils/mine-groups'
import { chinaDayKey } from '@/utils/time'
import '../styles.scss'
import './index.scss'

interface MineView {
  signups: MySignup[]
  notices: ClinicNotice[]
  /** How to reach each venue of the sign-ups, by venue id (empty when it could not be read). */
  venues: Record<string, VenuePlace>
}

async function loadVenues(signups: MySignup[]): Promise<Record<string, VenuePlace>> {
  const ids = [...new Set(signups.flatMap((s) => (s.slot ? [s.slot.venueId] : [])))].slice(0, 20)
  if (ids.length === 0) return {}
  const places = await call('festival', 'places', { venueIds: ids })
  return places.ok ? Object.fromEntries(places.data.map((p) => [p._id, p])) : {}
}

/** The sign-ups decide the page; messages only add to it, so their failure shows none. */
async function loadMine(): Promise<Result<MineView>> {
  const [signups, notices] = await Promise.all([call('clinic', 'mySignups', {}), call('clinic', 'myNotices', {})])
  if (!signups.ok) return signups
  const venues = await loadVenues(signups.data)
  return ok({ signups: signups.data, notices: notices.ok ? notices.data : [], venues })
}

export default function ClinicMinePage() {
  const state = useResult(loadMine, 'clinic.mine')
  const { cancel, cancelling, current, reset } = useCancel()
  useReloadOnReturn(async () => {
    await state.reload()
    reset()
  })

  const toSlots = <ActionButton onClick={() => openPage(clinicRoutes.slots)}>去报名义诊</ActionButton>
  return (
    <View className='page clinic-mine'>
      <StateGate
        state={state}
        isEmpty={(view) => view.signups.length === 0 && view.notices.length === 0}
        empty={<Empty title='您还没有报名义诊' hint='报名成功后，签到码和候补进度会显示在这里。' action={toSlots} />}
      >
        {({ signups, notices, venues }) => (
          <View>
            {notices.length > 0 ? (
              <Section title='消息通知'>
                <NoticeList notices={notices} />
              </Section>
            ) : null}
            {groupMine(signups.map(current), chinaDayKey(new Date(Date.now()).toISOString())).map((group) => (
              <Section key={group.key} title={`${MINE_GROUP_TITLES[group.key]}（${group.signups.length}）`}>
                {group.signups.map((signup) => (
                  <SignupCard
                    key={signup._id}
                    signup={signup}
                    venue={signup.slot ? venues[signup.slot.venueId] : undefined}
                    cancelling={cancelling === signup._id}
                    onCancel={(s) => void cancel(s)}
                  />
                ))}
              </Section>
            ))}
            <View className='clinic-mine__more'>{toSlots}</View>
          </View>
        )}
      </StateGate>
    </View>
  )
}
