// Long work run as a resumable job in chunks (exports, purges, large voids, recounts): what a client
// sees of one — its state and how far it got.
export type JobState = 'queued' | 'running' | 'done' | 'failed'

export interface JobProgress {
  jobId: string
  kind: string
  state: JobState
  /** Rows (or other units) done so far, of `total`. */
  done: number
  total: number
  /** In words for the person who asked: why a failed job stopped, or that a running job's last chunk is being retried. */
  error?: string
}
