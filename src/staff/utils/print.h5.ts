// Browser: the system print dialog (A4, as the door list's print stylesheet sets).
export function printPage(): void {
  window.print()
}
