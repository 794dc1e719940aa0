// 现场签到: scan the resident's QR code (WeChat camera; on h5 paste or type the code), or choose a
// slot and enter the phone's last 4 digits, then confirm one of the masked matches. The same scanner
// redeems discount-week offer codes (`HM:…`). The outcome (签到成功 / 已签到过 / 核销成功 / 已核销过:
// when and by whom / matches) shows at the top.
import { Text, View } from '@tarojs/components'
import type { Me } from '@/contract'
import { ActionButton } from '@/components/action-button'
import { FieldInput, FormField } from '@/components/form-field'
import { Section } from '@/components/section'
import { openPage } from '@/utils/nav'
import { staffRoutes } from '../routes'
import { canScan, scanCheckInCode } from '../utils/scan'
import { useCheckIn } from '../hooks/use-check-in'
import { useCodeEntry } from '../hooks/use-code-entry'
import { CheckInResult, RedeemResultPanel } from '../components/check-in-result'
import { SlotChooser } from '../components/slot-chooser'
import { StaffGate } from '../components/staff-gate'
import '../styles.scss'
import './index.scss'

function CheckInDesk({ me }: { me: Me }) {
  const { result, error, pending, run } = useCheckIn()
  const entry = useCodeEntry()

  const scan = async () => {
    const code = await scanCheckInCode()
    if (code) await run({ code })
  }
  const submitCode = async () => {
    const code = entry.typedCode()
    if (code && (await run({ code }))) entry.setCode('')
  }
  const search = () => {
    const input = entry.search()
    if (input) void run(input)
  }

  return (
    <View>
      {error ? <View className='check-in__error' role='alert'><Text>{error}</Text></View> : null}
      {result?.kind === 'clinic' ? (
        <CheckInResult result={result.result} pending={pending} onConfirm={(signupId) => void run({ signupId })} />
      ) : null}
      {result?.kind === 'offer' ? <RedeemResultPanel result={result.result} /> : null}
      <Section title='扫码签到'>
        <View className='check-in__panel'>
          {canScan ? (
            <ActionButton disabled={pending} onClick={() => void scan()}>扫描居民的签到码</ActionButton>
          ) : (
            <FormField label='签到码' hint='粘贴或输入居民「我的报名」中二维码下方的签到码，或「我的优惠」中以 HM: 开头的核销码。' error={entry.codeError}>
              <FieldInput value={entry.code} maxlength={120} placeholder='签到码' onChange={entry.setCode} />
              <View className='check-in__gap'>
                <ActionButton disabled={pending} onClick={() => void submitCode()}>签到</ActionButton>
              </View>
            </FormField>
          )}
        </View>
      </Section>
      <Section title='按手机尾号查找'>
        <View className='check-in__panel'>
          <SlotChooser me={me} slotId={entry.slot?._id ?? ''} onChoose={entry.chooseSlot} />
          {entry.slot ? (
            <View className='check-in__gap'>
              <FormField label='手机号后 4 位' error={entry.tailError}>
                <FieldInput value={entry.tail} type='number' maxlength={4} placeholder='如 1234' onChange={entry.changeTail} />
              </FormField>
              <ActionButton disabled={pending} onClick={search}>查找报名</ActionButton>
              <View className='check-in__gap'>
                <ActionButton kind='plain' onClick={() => openPage(staffRoutes.slotEdit(entry.slot?._id))}>编辑此场次</ActionButton>
              </View>
            </View>
          ) : null}
        </View>
      </Section>
    </View>
  )
}

export default function CheckInPage() {
  return (
    <View className='page check-in'>
      <StaffGate>{(me) => <CheckInDesk me={me} />}</StaffGate>
    </View>
  )
}
