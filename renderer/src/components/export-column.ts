/** A column the export dialog offers: its key in the list's rows, its header as the screen shows it. */
export interface ExportColumnChoice {
  key: string
  header: string
  /** Labels for coded values, as the screen shows them (`M` → 男). */
  values?: Record<string, string>
}
