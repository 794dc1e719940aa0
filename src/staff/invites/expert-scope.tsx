// For an expert invite: which typical-case selection and which of its categories the expert will score.
// Redeeming the code assigns them (account.redeemInvite), so the expert can score at once. Loads the
// festival's selections itself; only typical-case selections have categories.
import { Text } from '@tarojs/components'
import type { ExpertScope } from '@/contract'
import { useAction } from '@/hooks/use-action'
import { ChoiceChips } from '@/components/choice-chips'
import { FormField } from '@/components/form-field'
import { StateGate } from '@/components/state-view'

export interface ExpertScopeFieldProps {
  value: ExpertScope | null
  onChange: (scope: ExpertScope) => void
  error?: string
}

const toggled = (list: string[], key: string) => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key])

export function ExpertScopeField({ value, onChange, error }: ExpertScopeFieldProps) {
  const selections = useAction('selection', 'selections', {})
  return (
    <StateGate state={selections}>
      {(all) => {
        const cases = all.filter((s) => s.kind === 'cases')
        if (cases.length === 0) return <Text className='paragraph muted'>现在没有典型案例评选，暂时不能指定评审类别。</Text>
        const chosen = cases.find((s) => s._id === value?.selectionId) ?? cases[0]
        if (!chosen) return null
        const categories = value?.selectionId === chosen._id ? value.categories : []
        return (
          <>
            {cases.length > 1 ? (
              <FormField label='评审的评选' required>
                <ChoiceChips options={cases.map((s) => ({ value: s._id, label: s.title }))} selected={[chosen._id]}
                  onToggle={(id) => onChange({ selectionId: id, categories: [] })} />
              </FormField>
            ) : null}
            <FormField label='评审类别' required hint='专家绑定后即可为这些类别的案例评分' error={error}>
              <ChoiceChips multiple options={chosen.categories.map((c) => ({ value: c.key, label: c.label }))} selected={categories}
                onToggle={(key) => onChange({ selectionId: chosen._id, categories: toggled(categories, key) })} />
            </FormField>
          </>
        )
      }}
    </StateGate>
  )
}
