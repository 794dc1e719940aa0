// The browser's file chooser, opened from a tap: a hidden file input of the given accept (no capture, so
// a phone offers its album and files), resolving with the chosen files, or null when it was closed
// without choosing. Shared by the h5 choosers (utils/choose-image.h5; the selection's pickers do the same).
export function pickFiles(accept: string, multiple = false): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.multiple = multiple
    input.style.cssText = 'position:fixed;top:-4000px;left:-3000px;'
    const done = (files: File[] | null) => {
      input.remove()
      resolve(files)
    }
    input.onchange = () => done(input.files && input.files.length > 0 ? Array.from(input.files) : null)
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}
