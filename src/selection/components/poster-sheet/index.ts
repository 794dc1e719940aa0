// PosterSheet: 生成海报 on a published work's page, the poster shown over the page, and saving it.
export { PosterSheet } from './poster-sheet'
