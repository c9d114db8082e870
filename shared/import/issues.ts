/** What an importer reports: the sheet row (1-based, as Excel shows it) and a plain-words reason. */
export interface ImportIssue {
  /** Sheet row, 1-based; null for the file as a whole. */
  row: number | null;
  message: string;
}

export type ImportResult<T> = { ok: true; value: T } | { ok: false; issues: ImportIssue[] };

export const issue = (row: number | null, message: string): ImportIssue => ({ row, message });
