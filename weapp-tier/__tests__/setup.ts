// Shared by the tier's test files: one local service with the built functions per file, and launches
// that are closed (and checked clean unless a test says otherwise) after each test.
import { startCloud, type CloudRuntime } from '../cloud'
import { launch, type Weapp } from '../harness'
import type { LaunchOptions } from '../app'

export const ROLES = { resident: 'resident-wang', resident2: 'resident-li', staff: 'staff-banan', organiser: 'organiser', expert: 'expert' } as const

export function useWeapp(): {
  runtime: () => CloudRuntime
  open: (url: string, options: LaunchOptions) => Promise<Weapp>
} {
  let runtime: CloudRuntime | undefined
  const opened: Weapp[] = []
  beforeAll(async () => {
    runtime = await startCloud()
    // A first launch compiles the templates and the app's scripts once, so each test's time is its own.
    const warm = await launch(runtime, '/pages/index/index', { as: ROLES.resident })
    warm.close()
    warm.expectClean()
  })
  afterEach(() => {
    const apps = opened.splice(0)
    for (const app of apps) app.close()
    for (const app of apps) app.expectClean()
  })
  afterAll(async () => {
    await runtime?.close()
  })
  const get = () => {
    if (!runtime) throw new Error('runtime not started')
    return runtime
  }
  return {
    runtime: get,
    open: async (url, options) => {
      const app = await launch(get(), url, options)
      opened.push(app)
      return app
    },
  }
}
