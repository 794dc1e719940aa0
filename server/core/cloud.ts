// The one place wx-server-sdk is initialised. In CloudBase, DYNAMIC_CURRENT_ENV picks the function's own
// environment; locally the gateway has pointed the SDK at the embedded service through env vars.
import cloud from 'wx-server-sdk'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export { cloud }
