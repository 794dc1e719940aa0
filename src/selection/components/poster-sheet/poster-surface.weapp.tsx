// WeChat draws the poster on a hidden Canvas 2d node that must be on the page (poster-canvas.weapp.ts
// finds it by id); the browser draws on a detached canvas and needs none (poster-surface.h5.tsx).
import { Canvas } from '@tarojs/components'
import { POSTER_CANVAS_ID } from '../../utils/poster-layout'

export function PosterSurface() {
  return <Canvas type='2d' id={POSTER_CANVAS_ID} className='poster-sheet__canvas' />
}
