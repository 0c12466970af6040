/**
 * CSV for spreadsheet programs: RFC 4180 quoting, CRLF line ends, and a
 * UTF-8 byte-order mark so Excel and WPS show the Chinese instead of mojibake.
 */
export type CsvValue = string | number | boolean | null | undefined;

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading = + - @ makes spreadsheets evaluate the cell; prefix a quote mark.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(columns: string[], rows: Record<string, CsvValue>[]): string {
  const lines = [columns.map(cell).join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
