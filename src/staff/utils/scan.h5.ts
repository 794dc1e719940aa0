// Local runtime (h5): no camera scanner; the check-in page shows a box to paste or type the code.
export const canScan = false

export async function scanCheckInCode(): Promise<string | null> {
  return null
}
