// The page's route parameters. In WeChat every navigation makes a new page instance, so the router's
// params are the page's for its whole life (h5 follows the address as it changes: use-route-params.h5).
import { useRouter } from '@tarojs/taro'

export function useRouteParams(): Partial<Record<string, string>> {
  return useRouter().params
}
