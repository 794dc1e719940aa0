// What the one-image choosers (utils/choose-image.h5 / .weapp) hand back: the picked image's temp path,
// size and file name (the browser tells the name; WeChat does not, so ''), or why the picked file cannot
// be used, with its name, so the page can say what to pick instead.
export type ChosenImage =
  | { path: string; size: number; name: string }
  | { problem: 'not-image' | 'unreadable'; name: string }
