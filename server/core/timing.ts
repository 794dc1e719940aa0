// Waiting in handlers: the short, jittered back-off of a retry after a lost race on a shared document.
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
