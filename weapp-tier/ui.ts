// WeChat's own UI around the app, as a test sees it: toasts and the loading mask are recorded; modals,
// the camera scanner, the media picker, the subscribe prompt, WeChat's authorization dialogs wait as
// prompts until the test answers them (or the test ends). Device state (album permission, privacy
// agreement, temp files, clipboard, opened places and documents) lives here too.

export interface Prompt {
  kind: string
  detail: Record<string, unknown>
  answer(choice: unknown): void
}

export interface TempFile {
  bytes: Buffer
  type: string
  width: number
  height: number
}

export class SystemUI {
  toasts: string[] = []
  loading: string | null = null
  prompts: Prompt[] = []
  /** What the app opened outside itself: settings, maps, documents, the privacy contract, previews. */
  opened: Array<{ what: string; detail: Record<string, unknown> }> = []
  clipboard = ''
  albumAuth: 'ask' | 'granted' | 'denied' = 'ask'
  privacyAgreed = false
  /** The id of the open-type="agreePrivacyAuthorization" button tapped last (WeChat checks it). */
  agreeButtonId: string | undefined
  /** > 0 while a tap's handlers run: APIs that need a user gesture check it. */
  tapDepth = 0
  files = new Map<string, TempFile>()
  private nextFile = 1

  ask(kind: string, detail: Record<string, unknown>): Promise<unknown> {
    return new Promise((resolve) => {
      const prompt: Prompt = {
        kind,
        detail,
        answer: (choice) => {
          this.prompts = this.prompts.filter((p) => p !== prompt)
          resolve(choice)
        },
      }
      this.prompts.push(prompt)
    })
  }

  addFile(file: TempFile, ext: string): string {
    const path = `http://tmp/weapp-tier-${this.nextFile++}.${ext}`
    this.files.set(path, file)
    return path
  }
}

/** Width and height of a PNG or JPEG, read from its header (0 × 0 when unknown). */
export function imageSize(bytes: Buffer): { width: number; height: number; type: string } {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), type: 'png' }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) break
      const marker = bytes[i + 1] ?? 0
      const length = bytes.readUInt16BE(i + 2)
      if (marker >= 0xc0 && marker <= 0xc3) return { width: bytes.readUInt16BE(i + 7), height: bytes.readUInt16BE(i + 5), type: 'jpeg' }
      i += 2 + length
    }
    return { width: 0, height: 0, type: 'jpeg' }
  }
  return { width: 0, height: 0, type: 'unknown' }
}
