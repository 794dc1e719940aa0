// Residents' search words matched literally: every RegExp metacharacter escaped before db.RegExp.
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
