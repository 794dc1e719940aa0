// The plain-text rule every free-text field follows (titles, places, notes, names, stories, reasons,
// search words): printable text only. Refused, with a Chinese message that says what to remove and
// where: C0 and C1 control characters (NUL, tab, escape…; a newline only where the field takes several
// lines), lone UTF-16 surrogates (a cut emoji), characters that reverse or isolate the writing
// direction (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C: they make a name or a place read
// differently from what is stored), and invisible joiners and marks (U+200B, U+2060, U+FEFF). Line
// and paragraph separators count as line breaks. Plain TypeScript, so the app may use it too.

/** Where a field takes several lines, Windows and old Mac line breaks and U+2028/U+2029 become "\n". */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n')
}

const LINE_BREAK = /[\n\r\u2028\u2029]/u
const LONE_SURROGATE = /[\uD800-\uDFFF]/u
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u
const INVISIBLE = /[\u200B\u2060\uFEFF]/u
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u

/** Position (1-based, in characters as people count them) of the first match of `pattern`. */
function positionOf(text: string, pattern: RegExp): number {
  const at = text.search(pattern)
  return at < 0 ? 0 : Array.from(text.slice(0, at)).length + 1
}

/**
 * The problem of `text` as the value of the field called `label`, or null when it is plain text.
 * `multiline`: the field may hold line breaks ("\n"; normalise others first with normaliseLineBreaks).
 */
export function plainTextProblem(text: string, label: string, multiline = false): string | null {
  if (!multiline && LINE_BREAK.test(text)) return `${label}请写在一行内，删去第 ${positionOf(text, LINE_BREAK)} 个字处的换行`
  if (LONE_SURROGATE.test(text)) {
    return `${label}第 ${positionOf(text, LONE_SURROGATE)} 个字处有残缺的字符（常见于被截断的表情符号），请删去后重新输入`
  }
  if (DIRECTION.test(text)) {
    return `${label}第 ${positionOf(text, DIRECTION)} 个字处有改变文字方向的隐藏字符（多为从别处复制带来），请删去后手动重新输入这段文字`
  }
  if (INVISIBLE.test(text)) return `${label}第 ${positionOf(text, INVISIBLE)} 个字处有看不见的空白字符（多为从别处复制带来），请删去后重新输入`
  if (CONTROL.test(text)) {
    return `${label}第 ${positionOf(text, CONTROL)} 个字处有看不见的控制字符（如制表符，多为从别处复制带来），请删去后重新输入`
  }
  return null
}
