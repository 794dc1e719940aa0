// 内容管理: choose the edition and the kind of content, see each item with its state (已发布 / 有未发布的
// 修改 / 草稿), open one to edit or add one; organisers also create the next edition from the chosen one
// and read the publish log (who, when, what changed). Staff see their own venue's venue, events and offers.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  EDIT_KIND_LABELS, EDIT_KINDS, EDIT_STATE_LABELS, STAFF_EDIT_KINDS, type EditKind, type EditionSummary, type Me,
} from '@/contract'
import { call } from '@/services/client'
import { useAction } from '@/hooks/use-action'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { ActionButton } from '@/components/action-button'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldInput, FormField } from '@/components/form-field'
import { RoleGate } from '@/components/role-gate'
import { Section } from '@/components/section'
import { StateGate } from '@/components/state-view'
import { Tag } from '@/components/tag'
import { openPage } from '@/utils/nav'
import { organiserRoutes } from '../routes'
import '../styles.scss'
import './index.scss'

function Items({ festivalId, kind }: { festivalId: string; kind: EditKind }) {
  const state = useAction('content', 'editList', { festivalId, kind })
  useReloadOnReturn(state.reload)
  return (
    <StateGate state={state}>
      {(items) => (
        <View>
          {items.map((item) => (
            <Card key={item.id} className='organiser-item' onClick={() => openPage(organiserRoutes.edit(kind, festivalId, item.id))}>
              <Text className='organiser-item__title'>{item.title || '（未命名）'}</Text>
              <Tag tone={item.state === 'published' ? 'grey' : 'amber'}>{EDIT_STATE_LABELS[item.state]}</Tag>
            </Card>
          ))}
          {kind !== 'festival' ? (
            <ActionButton kind='plain' onClick={() => openPage(organiserRoutes.edit(kind, festivalId))}>新增{EDIT_KIND_LABELS[kind]}</ActionButton>
          ) : null}
        </View>
      )}
    </StateGate>
  )
}

function NextEdition({ from, onMade }: { from: EditionSummary; onMade: () => void }) {
  const [year, setYear] = useState(String(from.year + 1))
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [message, setMessage] = useState('')
  const [pending, setPending] = useState(false)
  const make = async () => {
    if (pending) return
    setPending(true)
    const res = await call('content', 'newEdition', { fromFestivalId: from._id, year: Number(year), startDate: start.trim(), endDate: end.trim() })
    setPending(false)
    if (!res.ok) return setMessage(res.issues?.[0]?.message ?? res.message)
    setMessage(`已创建「${res.data.name}」（草稿）：分会场和板块已复制，请修改后发布`)
    onMade()
  }
  return (
    <Section title='创建下一届'>
      <Text className='paragraph muted'>以「{from.name}」为模板，复制分会场、板块和设置，生成一届新的草稿文化节。</Text>
      <FormField label='年份' required><FieldInput value={year} type='number' maxlength={4} onChange={setYear} /></FormField>
      <FormField label='开始日期' required><FieldInput value={start} placeholder='如 2023-06-25' maxlength={10} onChange={setStart} /></FormField>
      <FormField label='结束日期' required><FieldInput value={end} placeholder='如 2023-12-31' maxlength={10} onChange={setEnd} /></FormField>
      {message ? <View className='organiser-edit__message' role='status'><Text>{message}</Text></View> : null}
      <ActionButton disabled={pending} onClick={() => void make()}>创建下一届</ActionButton>
    </Section>
  )
}

function AuditLog({ festivalId }: { festivalId: string }) {
  const state = useAction('content', 'auditLog', { festivalId })
  return (
    <Section title='发布记录'>
      <StateGate state={state}>
        {(entries) => (
          <View>
            {entries.length === 0 ? <Text className='paragraph muted'>还没有发布记录。</Text> : null}
            {entries.slice(0, 20).map((e) => (
              <View key={e._id} className='organiser-audit'>
                <Text className='organiser-audit__head'>{e.at.slice(0, 16).replace('T', ' ')} · {e.by} 发布了{EDIT_KIND_LABELS[e.kind]}「{e.title}」</Text>
                {e.changes.slice(0, 5).map((c) => (
                  <Text key={c.field} className='organiser-audit__line'>{c.field}：{c.before || '（空）'} → {c.after || '（空）'}</Text>
                ))}
              </View>
            ))}
          </View>
        )}
      </StateGate>
    </Section>
  )
}

function Desk({ me }: { me: Me }) {
  const editions = useAction('content', 'editions', {})
  const [chosen, setChosen] = useState('')
  const kinds = me.role === 'organiser' ? EDIT_KINDS : STAFF_EDIT_KINDS
  const [kind, setKind] = useState<EditKind>(kinds[0] ?? 'event')
  return (
    <StateGate state={editions}>
      {(list) => {
        const current = list.find((e) => e._id === chosen) ?? list[0]
        if (!current) return <Text className='paragraph muted'>还没有文化节。</Text>
        return (
          <View>
            <Section title='选择届次'>
              <ChoiceChips
                options={list.map((e) => ({ value: e._id, label: `${e.year} ${e.published ? '' : '（草稿）'}`.trim() }))}
                selected={[current._id]}
                onToggle={setChosen}
              />
            </Section>
            <ActionButton kind='plain' onClick={() => openPage(organiserRoutes.overview(current._id))}>数据概览</ActionButton>
            <Section title='内容'>
              <ChoiceChips options={kinds.map((k) => ({ value: k, label: EDIT_KIND_LABELS[k] }))} selected={[kind]} onToggle={(k) => setKind(k as EditKind)} />
              <Items key={`${current._id}-${kind}`} festivalId={current._id} kind={kind} />
            </Section>
            {me.role === 'organiser' ? <NextEdition from={current} onMade={() => void editions.reload()} /> : null}
            {me.role === 'organiser' ? <AuditLog key={current._id} festivalId={current._id} /> : null}
          </View>
        )
      }}
    </StateGate>
  )
}

export default function OrganiserHome() {
  return (
    <View className='page organiser-home'>
      <RoleGate roles={['organiser', 'staff']} title='此页面供文化节组委会和分会场工作人员使用'>{(me) => <Desk me={me} />}</RoleGate>
    </View>
  )
}
