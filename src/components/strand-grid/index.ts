// StrandGrid: the festival's strands as tiles.
export { StrandGrid } from './strand-grid'
