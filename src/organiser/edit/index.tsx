// 编辑内容: one festival, venue, event, lecture, expert or offer as a form. 保存草稿 keeps the change
// unpublished (residents still see the published version); 发布 saves and publishes it (audited);
// 放弃草稿 goes back to the published version. The server's field issues land under their fields.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { EDIT_KIND_LABELS, EDIT_KINDS, type EditableView, type EditKind, type Fail } from '@/contract'
import { call } from '@/services/client'
import { ActionButton } from '@/components/action-button'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldInput, FieldTextarea, FormField } from '@/components/form-field'
import { RoleGate } from '@/components/role-gate'
import { Empty } from '@/components/state-view'
import { ImageField } from '../components/image-field'
import { VideoField } from '../components/video-field'
import { FORM_FIELDS, fromForm, missing, toForm, type FormText } from '../utils/fields'
import '../styles.scss'

interface Target { kind: EditKind; festivalId: string; id?: string }

function issuesOf(error: Fail): Record<string, string> {
  const found: Record<string, string> = {}
  for (const issue of error.issues ?? []) {
    const key = issue.path.replace(/^data\./, '').split('.')[0] ?? ''
    if (key && !found[key]) found[key] = issue.message
  }
  return found
}

function Editor({ target }: { target: Target }) {
  const { kind, festivalId } = target
  const [id, setId] = useState(target.id)
  const [view, setView] = useState<EditableView | null>(null)
  const [form, setForm] = useState<FormText>(() => toForm(kind, null))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [pending, setPending] = useState(false)

  useEffect(() => {
    if (!target.id) return
    const load = async () => {
      const res = await call('content', 'editable', { kind, id: target.id ?? '' })
      if (!res.ok) return setMessage(res.message)
      setView(res.data)
      setForm(toForm(kind, res.data.draft ?? res.data.live))
    }
    void load()
  }, [kind, target.id])

  const change = (key: string, value: string) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => ({ ...e, [key]: '' }))
  }

  const save = async (): Promise<string | null> => {
    const found = missing(kind, form)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setMessage('请按红色提示补全后再保存')
      return null
    }
    const input = { kind, festivalId, data: fromForm(kind, form), ...(id ? { id } : {}) }
    const res = await call('content', 'saveDraft', input as never)
    if (!res.ok) {
      setErrors(issuesOf(res))
      setMessage(res.issues?.[0]?.message ?? res.message)
      return null
    }
    setView(res.data)
    setId(res.data.id)
    return res.data.id
  }

  const run = async (what: 'save' | 'publish' | 'discard') => {
    if (pending) return
    setPending(true)
    setMessage('')
    if (what === 'discard' && id) {
      const res = await call('content', 'discardDraft', { kind, id })
      if (res.ok) {
        setView(res.data)
        setForm(toForm(kind, res.data.live))
        setMessage('已放弃草稿，恢复为已发布的内容')
      } else setMessage(res.message)
    } else {
      const saved = await save()
      if (saved && what === 'save') setMessage('草稿已保存，居民仍看到已发布的内容；确认无误后请点「发布」')
      if (saved && what === 'publish') {
        const res = await call('content', 'publish', { kind, id: saved })
        if (res.ok) {
          setView((v) => (v ? { ...v, live: fromForm(kind, form), draft: null } : v))
          setMessage(res.data.changes.length > 0 ? `已发布，居民现在看到新内容（修改了 ${res.data.changes.length} 项）` : '已发布')
          Taro.showToast({ title: '已发布', icon: 'success' }).catch(() => undefined)
        } else setMessage(res.message)
      }
    }
    setPending(false)
  }

  const state = !view?.live ? '尚未发布' : view.draft ? '有未发布的修改' : '已发布'
  return (
    <View>
      <View className='organiser-edit__state'>
        <Text>{EDIT_KIND_LABELS[kind]} · {state}</Text>
        {view?.draftBy ? <Text className='muted'> · 草稿由 {view.draftBy} 保存</Text> : null}
      </View>
      {FORM_FIELDS[kind].map((field) => (
        <FormField key={field.key} label={field.label} required={field.required} hint={field.hint} error={errors[field.key] || undefined}>
          {field.type === 'image' ? (
            <ImageField value={form[field.key] ?? ''} label={field.label} onChange={(v) => change(field.key, v)} />
          ) : field.type === 'video' ? (
            <VideoField
              value={form[field.key] ?? ''}
              label={field.label}
              festivalId={festivalId}
              onChange={(v, seconds) => {
                change(field.key, v)
                if (seconds !== null && 'durationSec' in form) change('durationSec', String(Math.max(1, Math.round(seconds))))
              }}
            />
          ) : field.type === 'textarea' || field.type === 'list' ? (
            <FieldTextarea value={form[field.key] ?? ''} maxlength={2000} onChange={(v) => change(field.key, v)} />
          ) : field.type === 'select' || field.type === 'bool' ? (
            <ChoiceChips
              options={field.options ?? [{ value: 'true', label: '是' }, { value: 'false', label: '否' }]}
              selected={[form[field.key] ?? '']}
              onToggle={(v) => change(field.key, v)}
            />
          ) : (
            <FieldInput
              value={form[field.key] ?? ''}
              maxlength={300}
              type={field.type === 'number' || field.type === 'optionalNumber' ? 'digit' : 'text'}
              placeholder={field.type === 'date' ? '如 2023-06-25' : field.type === 'datetime' ? '如 2023-06-25 09:00' : field.label}
              onChange={(v) => change(field.key, v)}
            />
          )}
        </FormField>
      ))}
      {message ? <View className='organiser-edit__message' role='status'><Text>{message}</Text></View> : null}
      <View className='organiser-edit__actions'>
        <ActionButton disabled={pending} onClick={() => void run('publish')}>发布</ActionButton>
        <ActionButton kind='plain' disabled={pending} onClick={() => void run('save')}>保存草稿</ActionButton>
        {view?.draft && view.live ? <ActionButton kind='plain' disabled={pending} onClick={() => void run('discard')}>放弃草稿</ActionButton> : null}
      </View>
    </View>
  )
}

export default function EditPage() {
  const params = useRouter().params
  const kind = EDIT_KINDS.find((k) => k === params.kind)
  const festivalId = params.festivalId ?? ''
  return (
    <View className='page organiser-edit'>
      <RoleGate roles={['organiser', 'staff']} title='此页面供文化节组委会和分会场工作人员使用'>
        {() => (kind && festivalId
          ? <Editor target={{ kind, festivalId, ...(params.id ? { id: params.id } : {}) }} />
          : <Empty title='没有指定要编辑的内容' hint='请从「内容管理」中选择。' />)}
      </RoleGate>
    </View>
  )
}
