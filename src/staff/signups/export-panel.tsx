// The export buttons of 报名名单 (this slot, or the whole sub-venue) with the job's progress line
// 正在导出：已处理 N / M 条. On opening the page it asks for the person's latest export: one still running
// (the page was closed or the app restarted) is followed again, and one finished within the hour offers
// its file again.
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ClinicSlotSummary, ExportFile } from '@/contract'
import { call } from '@/services/client'
import { ActionButton } from '@/components/action-button'
import { openPage } from '@/utils/nav'
import { staffRoutes } from '../routes'
import { deliverExport, exportFailure, exportList, followExport, progressLine } from './export-list'

const RECENT_MS = 3_600_000

export function ExportPanel({ organiser, slot }: { organiser: boolean; slot: ClinicSlotSummary }) {
  const [exporting, setExporting] = useState(false)
  const [progress, setProgress] = useState('')
  const [last, setLast] = useState<ExportFile | null>(null)
  const [note, setNote] = useState('')
  const gone = useRef(false)
  useEffect(() => {
    gone.current = false
    void (async () => {
      const latest = await call('clinicAdmin', 'exportStatus', {})
      if (!latest.ok || !latest.data || gone.current) return
      if (latest.data.state === 'running' || latest.data.state === 'queued') {
        setExporting(true)
        const res = await followExport(latest, (job) => setProgress(progressLine(job)), () => gone.current)
        if (gone.current) return
        setExporting(false)
        setProgress('')
        const failure = exportFailure(res)
        if (failure) setNote(failure)
        else if (res.ok && res.data?.file) setLast(res.data.file)
      } else if (latest.data.file && Date.now() - Date.parse(latest.data.createdAt) < RECENT_MS) {
        setLast(latest.data.file)
      }
    })()
    return () => { gone.current = true }
  }, [])
  const runExport = async (input: { slotId: string } | { venueId: string }) => {
    setExporting(true)
    setNote('')
    await exportList(input, (job) => setProgress(progressLine(job)))
    setProgress('')
    setExporting(false)
  }
  return (
    <View className='signups__export'>
      {progress ? <Text className='paragraph'>{progress}</Text> : null}
      {note ? <Text className='paragraph'>{note}</Text> : null}
      {last && !exporting ? (
        <View>
          <Text className='paragraph muted'>{`上次导出的名单：「${last.fileName}」共 ${last.rows} 条`}</Text>
          <ActionButton kind='plain' onClick={() => void deliverExport(last)}>打开上次导出的名单</ActionButton>
        </View>
      ) : null}
      <ActionButton disabled={exporting} onClick={() => void runExport({ slotId: slot._id })}>导出本场 Excel</ActionButton>
      <ActionButton kind='plain' onClick={() => openPage(staffRoutes.doorList(slot._id))}>门口签到名单（打印）</ActionButton>
      <ActionButton kind='plain' disabled={exporting} onClick={() => void runExport({ venueId: slot.venueId })}>
        {`导出${slot.venueName}全部场次`}
      </ActionButton>
      <Text className='paragraph muted'>
        {organiser ? '组委会导出的名单含完整姓名和手机号，每次导出都会记入审计日志。' : '导出的名单隐去部分姓名和手机号，每次导出都会记入审计日志。'}
      </Text>
    </View>
  )
}
