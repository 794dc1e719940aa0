// Types of 数据概览 (the organiser subpackage's overview): each chart is a few labelled rows of numbers
// in one or two series, drawn as a chart and also readable as a table. Types only.
import type { FiguresCatchUp } from './clinic-admin'

export type OverviewChartKey = 'signupsPerDay' | 'signupsPerVenue' | 'attendancePerSlot' | 'offers' | 'worksByStatus' | 'votesPerDay' | 'lectureViews'

export interface OverviewChart {
  key: OverviewChartKey
  title: string
  /** Names of the series, e.g. ['签到', '未到']; each row has one value per series. */
  series: string[]
  rows: Array<{ label: string; values: number[] }>
  /** Why a chart is empty on purpose (e.g. works are festival-wide, not per venue). */
  note?: string
}

export interface Overview {
  festivalId: string
  venueId: string | null
  charts: OverviewChart[]
  /** China ISO time the clinic charts are exact up to (the figures timer's cutoff, refreshed every few minutes); null before its first run. */
  figuresAt?: string | null
  /** A catch-up of the figures timer under way (slots recounted of those changed), or null: the clinic charts are partly updated. */
  figuresCatchUp?: FiguresCatchUp | null
}
