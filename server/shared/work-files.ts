// Cloud-storage files of works: temp URLs resolved in as few getTempFileURL calls as possible (one per
// 50 files, the platform's maximum), and a check that submitted files exist.
import { cloud } from '../core/cloud'

/** getTempFileURL accepts at most 50 fileIDs per call. */
const TEMP_URL_BATCH = 50
/** Temp URLs handed to clients and to WeChat's media check live two hours. */
export const TEMP_URL_SECONDS = 7200

interface TempFileResult {
  fileList?: Array<{ fileID: string; tempFileURL?: string; status?: number }>
}

/** fileID → temp URL ('' for files that do not exist). One call for up to 50 distinct files. */
export async function tempUrls(fileIDs: Array<string | undefined>): Promise<Map<string, string>> {
  const unique = [...new Set(fileIDs.filter((f): f is string => typeof f === 'string' && f !== ''))]
  const urls = new Map<string, string>()
  for (let i = 0; i < unique.length; i += TEMP_URL_BATCH) {
    const fileList = unique.slice(i, i + TEMP_URL_BATCH).map((fileID) => ({ fileID, maxAge: TEMP_URL_SECONDS }))
    const res = (await cloud.getTempFileURL({ fileList })) as TempFileResult | undefined
    for (const item of res?.fileList ?? []) urls.set(item.fileID, item.status === 0 && item.tempFileURL ? item.tempFileURL : '')
  }
  return urls
}

export const urlOf = (urls: Map<string, string>, fileID: string | undefined) => (fileID ? urls.get(fileID) ?? '' : '')
