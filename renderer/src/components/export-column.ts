/** What a list screen hands its export dialog: the columns it shows and its filters. */

/** A column the export dialog offers: its key in the list's rows, its header as the screen shows it. */
export interface ExportColumnChoice {
  key: string
  header: string
  /** Labels for coded values, as the screen shows them (`M` → 男). */
  values?: Record<string, string>
}

/** A column of coded values (a status, a type), each labelled as the screen labels it. */
export function codedColumn(
  key: string,
  header: string,
  codes: readonly string[],
  label: (code: string) => string,
): ExportColumnChoice {
  return { key, header, values: Object.fromEntries(codes.map((code) => [code, label(code)])) }
}

/** A list query without its paging: the export takes every row the filters match. */
export function withoutPaging<Q extends { page?: number; pageSize?: number }>(query: Q): Omit<Q, 'page' | 'pageSize'> {
  const { page: _page, pageSize: _pageSize, ...rest } = query
  return rest
}
