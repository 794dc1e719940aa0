// The browser's file chooser in jsdom: each click on a file input answers with the next batch of files
// (its change event fired as the browser would), and the bits jsdom lacks stand in — blob URLs
// (`blob:<name without extension>`), a decode that fails for a file named broken.* (as for a damaged
// photo) and a canvas that cannot encode (so a large photo goes on as chosen).
export function fakePhoto(name: string, size = 2000, type = 'image/jpeg'): File {
  const file = new File([new Uint8Array(4)], name, { type })
  Object.defineProperty(file, 'size', { value: size })
  return file
}

export interface Chooser {
  /** The file inputs clicked so far (their accept and multiple as the page set them). */
  inputs: HTMLInputElement[]
}

export function stubFileChooser(...batches: File[][]): Chooser {
  const chooser: Chooser = { inputs: [] }
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: (blob: Blob) => `blob:${blob instanceof File ? blob.name.replace(/\.[^.]*$/, '') : 'redrawn'}` })
  Object.defineProperty(globalThis, 'createImageBitmap', {
    configurable: true,
    value: async (file: File) => {
      if (file.name.startsWith('broken.')) throw new DOMException('The source image could not be decoded.', 'InvalidStateError')
      return { width: 800, height: 600, close: () => undefined }
    },
  })
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
  jest.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done) => done(null))
  jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    if (this.type !== 'file') return
    chooser.inputs.push(this)
    const files = batches.shift() ?? []
    Object.defineProperty(this, 'files', { configurable: true, value: files })
    this.dispatchEvent(new Event('change'))
  })
  return chooser
}
