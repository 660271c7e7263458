// `Kiểm tra dữ liệu nhập` for a unit officer, who may not write `Kiểm tra` or any Board sheet:
// the whole workbook is checked (a unit's rows can clash with another's), only the officer's own
// sheets are marked, and their problems are shown in a dialog instead of the Board's sheet.
import { escapeHtml } from '../core/text/html';
import { GAS } from '../core/messages/sheets';
import { SEVERITY_LABEL } from '../core/messages/labels';
import { matchKey } from '../core/text/normalize';
import { evaluateWorkbook } from '../workbook/usecases';
import type { ColumnPositions } from '../workbook/read';
import type { Problem } from '../core/model';
import { markProblems } from './marks';
import type { SheetsWorkbook } from './sheets-workbook';

export function officerCheckHtml(problems: readonly Problem[], sheets: readonly string[]): string {
  const names = sheets.join(', ');
  if (sheets.length === 0) return `<p>${escapeHtml(GAS.officerNoSheet)}</p>`;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const lead =
    problems.length === 0
      ? GAS.officerCheckNone(names)
      : GAS.officerCheckSome(errors, problems.length - errors, names);
  const cell = 'style="border: 1px solid #dadce0; padding: 4px 6px; vertical-align: top"';
  const rows = problems.map(
    (p) =>
      `<tr>${[p.sheet, p.row, p.column, SEVERITY_LABEL[p.severity], p.message, p.suggestion ?? '']
        .map((v) => `<td ${cell}>${escapeHtml(v)}</td>`)
        .join('')}</tr>`,
  );
  return [
    '<div style="font-family: Arial, sans-serif; font-size: 13px">',
    `<p>${escapeHtml(lead)}</p>`,
    ...(rows.length
      ? [
          '<table style="border-collapse: collapse">',
          `<tr>${GAS.officerCheckHeader.map((h) => `<th ${cell}>${escapeHtml(h)}</th>`).join('')}</tr>`,
          ...rows,
          '</table>',
        ]
      : []),
    '</div>',
  ].join('\n');
}

export function officerCheck(book: SheetsWorkbook, sheets: readonly string[]): void {
  const positions: ColumnPositions = new Map();
  const evaluation = evaluateWorkbook(book, new Date(), undefined, positions);
  const mine = new Set(sheets.map(matchKey));
  const problems = evaluation.problems.filter((p) => mine.has(matchKey(p.sheet)));
  markProblems(book, problems, positions, sheets);
  const html = HtmlService.createHtmlOutput(officerCheckHtml(problems, sheets))
    .setWidth(820)
    .setHeight(480);
  SpreadsheetApp.getUi().showModalDialog(html, GAS.officerCheckTitle);
}
