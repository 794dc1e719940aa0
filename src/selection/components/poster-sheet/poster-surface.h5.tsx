// The browser draws the poster on a detached canvas (poster-canvas.h5.ts): nothing to put on the page.
export function PosterSurface() {
  return null
}
