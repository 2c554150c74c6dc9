// CSV for every export (a discussion's questions, the admin audit log): written by csv-stringify, with every cell
// that a spreadsheet would read as a formula neutralised (OWASP "CSV injection").
import { stringify } from 'csv-stringify/sync';

/** A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a single quote to a cell a spreadsheet would run as a formula, so it shows as the text it is. */
function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type Cell = string | number | Date | null | undefined;

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/** The header and rows as CSV text (RFC 4180: quoted where needed, CRLF line ends), every cell neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header.map((h) => neutraliseCell(h)), ...rows.map((row) => row.map((c) => neutraliseCell(cellText(c))))], { record_delimiter: 'windows' });
}
