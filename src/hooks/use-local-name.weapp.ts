// WeChat: no demo identities; the name shown is the one the account carries, or 微信用户.
export function useLocalName(): string | undefined {
  return undefined
}
