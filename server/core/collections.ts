// Names of the database collections. README lists them for creating a CloudBase environment, and the
// local runtime creates them on first start. All are closed to the client (read/write false).
export const COLLECTIONS = {
  festivals: 'festivals',
  venues: 'venues',
  events: 'events',
  staff: 'staff',
} as const

export const ALL_COLLECTIONS: string[] = Object.values(COLLECTIONS)
