// One entry of 结果公示: rank, number and title (with the applicant for cases), votes, vote score, expert
// score with the number of experts, the final score, and the entry's own working of the formula.
import { Text, View } from '@tarojs/components'
import type { ResultEntry } from '@/contract/selection-views'
import { openPage } from '@/utils/nav'
import { selectionRoutes } from '../../routes'
import { workNumber } from '../../utils/text'

const f2 = (x: number) => x.toFixed(2)

export function ResultRow({ entry }: { entry: ResultEntry }) {
  const applicant = entry.applicant ? [entry.applicant.institution, entry.applicant.person].filter(Boolean).join(' · ') : ''
  return (
    <View className='result-row' hoverClass='result-row--pressed' onClick={() => openPage(selectionRoutes.work(entry.workId))}>
      <View className='result-row__head'>
        <Text className={`result-row__rank ${entry.rank <= 3 ? `result-row__rank--top${entry.rank}` : ''}`}>{entry.rank}</Text>
        <View className='result-row__body'>
          <Text className='result-row__title'>{workNumber(entry.number)} {entry.title}</Text>
          {applicant ? <Text className='result-row__meta'>{applicant}</Text> : null}
        </View>
        <Text className='result-row__final'>{f2(entry.finalScore)} 分</Text>
      </View>
      <Text className='result-row__meta'>
        {entry.votes} 票 · 网络投票得分 {f2(entry.voteScore)}
        {entry.expertScore === null ? '' : ` · 专家评分 ${f2(entry.expertScore)}（${entry.expertCount} 位专家）`}
      </Text>
      <Text className='result-row__working'>{entry.working}</Text>
    </View>
  )
}
