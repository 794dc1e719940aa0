// Local runtime: the gateway on the same origin needs no set-up.
export function initBackend(): void {}
