// The festival's strands as a grid of icon tiles. A strand the organisers have not published says
// 敬请期待 and is not tappable; the free-clinic tile opens the clinic sign-up list, the photo, video and
// typical-case tiles open the gallery of that kind's selection, the lecture, think-tank and discount-week
// tiles open their lists in the learn subpackage. A selection tile says its current deadline, read from
// the selection's windows as the submit form's are.
import { Text, View } from '@tarojs/components'
import type { Strand, StrandKey } from '@/contract'
import { openPage } from '@/utils/nav'
import { clinicRoutes } from '../../clinic/routes'
import { selectionRoutes } from '../../selection/routes'
import { learnRoutes } from '../../learn/routes'
import { Tag } from '../tag'
import { deadlineLine } from '@/utils/deadline'

const ICONS: Record<StrandKey, string> = {
  clinic: '🩺',
  photo: '📷',
  video: '🎬',
  cases: '🏅',
  lectures: '📚',
  thinktank: '💡',
  offers: '🎁',
}

const TARGETS: Partial<Record<StrandKey, () => void>> = {
  clinic: () => openPage(clinicRoutes.slots),
  photo: () => openPage(selectionRoutes.galleryOfKind('photo')),
  video: () => openPage(selectionRoutes.galleryOfKind('video')),
  cases: () => openPage(selectionRoutes.galleryOfKind('cases')),
  lectures: () => openPage(learnRoutes.lectures),
  thinktank: () => openPage(learnRoutes.experts),
  offers: () => openPage(learnRoutes.offers),
}

export function StrandGrid({ strands }: { strands: Strand[] }) {
  return (
    <View className='strand-grid'>
      {strands.map((strand) => {
        const open = strand.live ? TARGETS[strand.key] : undefined
        return (
          <View key={strand.key} className='strand-grid__cell'>
            <View
              className={`strand-tile ${open ? 'strand-tile--live' : 'strand-tile--soon'}`}
              hoverClass={open ? 'strand-tile--pressed' : 'none'}
              onClick={open}
            >
              <Text className='strand-tile__icon'>{ICONS[strand.key]}</Text>
              <Text className='strand-tile__title'>{strand.title}</Text>
              <Text className='strand-tile__summary'>{strand.summary}</Text>
              {open && strand.windows ? (
                <Text className='strand-tile__deadline'>{deadlineLine(strand.windows, Date.now(), strand.announced === true)}</Text>
              ) : null}
              {open ? null : <Tag tone='grey'>敬请期待</Tag>}
            </View>
          </View>
        )
      })}
    </View>
  )
}
