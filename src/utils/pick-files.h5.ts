// The browser's file chooser, opened from a tap: a hidden file input of the given accept (no capture, so
// a phone offers its album and files), resolving with the chosen files, or null when it was closed
// without choosing; and what counts as an image file there. Shared by the h5 choosers (utils/choose-image.h5,
// utils/choose-video.h5, selection/utils/choose-images.h5).
/** Image types the uploads take as they are; other images are redrawn as JPEG first. */
export const UPLOADABLE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp'])
const IMAGE_NAME = /\.(jpe?g|png|webp|heic|heif|gif|bmp|avif)$/i

/** An image by its type, or by its name when the browser gives no type (HEIC on some systems). */
export const isImageFile = (file: File) => file.type.startsWith('image/') || (!file.type && IMAGE_NAME.test(file.name))

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
