// `Xuất báo cáo`: the standing office's report as of a chosen day, written as a new sheet laid
// out for A4 and saved as a PDF, with links in a dialog.
import { dayOfInstant, formatDmy, readDay, type Day } from '../core/calendar/dates';
import { clipPeriod, readPeriod, type Period } from '../core/calendar/periods';
import { escapeHtml } from '../core/text/html';
import { GAS, MENU } from '../core/messages/sheets';
import { REPORT, REPORT_UI } from '../core/messages/report';
import { buildReportDocument, reportDays } from '../core/reports/report-document';
import { reportHtml } from '../core/reports/report-html';
import { reportSheet, REPORT_WIDTH, type Box, type ReportSheet } from '../workbook/report-sheet';
import { evaluateWorkbook } from '../workbook/usecases';
import { unitFilesOf } from './unit-files';
import { saveDoc, savePdf, type SavedFile } from './drive-pdf';
import { asText, barChart, fitGrid, SheetsWorkbook, widthRuns } from './sheets-workbook';
import { explainError } from './google-errors';
import { DRIVE_FILE, missingPermission } from './consent';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What `Xuất báo cáo` reports: figures to a day, and a period beside last year's when asked. */
export interface ReportChoice {
  asOf: Day;
  period: Period | null;
}

/**
 * Asks for the day the figures are counted to, or a period (`Q1-2026`, `6T-2026`, `YTD`…, counted
 * to its end, or to today while it runs); null when the user cancels or types nonsense.
 */
export function askReportDay(): ReportChoice | null {
  const ui = SpreadsheetApp.getUi();
  const today = dayOfInstant(new Date());
  const answer = ui.prompt(MENU.title, REPORT_UI.ask(formatDmy(today)), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  const text = answer.getResponseText().trim();
  const refuse = (message: string): null => {
    ui.alert(MENU.title, message, ui.ButtonSet.OK);
    return null;
  };
  const named = text === '' ? null : readPeriod(text, today);
  if (named) {
    const period = clipPeriod(named, today);
    if (!period) return refuse(REPORT_UI.futureDate(formatDmy(named.from)));
    return { asOf: period.to, period };
  }
  const reading = readDay(text);
  if (reading.kind === 'invalid') return refuse(REPORT_UI.badDate(text));
  const days = reportDays(reading.kind === 'ok' ? reading.day : null, today);
  if (days === null && reading.kind === 'ok')
    return refuse(REPORT_UI.futureDate(formatDmy(reading.day)));
  return days ? { asOf: days.asOf, period: null } : null;
}

export function exportReport({ asOf, period }: ReportChoice): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const now = new Date();
  spreadsheet.toast(REPORT_UI.working, GAS.toastTitle);
  const book = new SheetsWorkbook(spreadsheet);
  const evaluation = evaluateWorkbook(book, now, asOf, undefined, unitFilesOf(book, now));
  const doc = buildReportDocument(evaluation, dayOfInstant(now), { period });
  const name = REPORT.sheetName(formatDmy(asOf));
  // Everything is computed before the first write: a failure leaves the old report in place.
  const layout = reportSheet(doc);
  const html = reportHtml(doc);
  const sheet = newSheet(spreadsheet, name, layout.rows.length);
  try {
    writeReport(sheet, layout);
  } catch (e) {
    spreadsheet.deleteSheet(sheet);
    throw e;
  }
  // Only a finished report replaces one of the same day: the latest figures win.
  const old = spreadsheet.getSheetByName(name);
  if (old) spreadsheet.deleteSheet(old);
  sheet.setName(name);
  sheet.activate();
  spreadsheet.toast(REPORT_UI.savingPdf, GAS.toastTitle);
  // The sheet is done by now: a PDF that cannot be saved is said in the dialog, not an error
  // that hides the finished report.
  let pdf: SavedFile | string;
  let googleDoc: SavedFile | string;
  const noDrive = missingPermission(DRIVE_FILE);
  try {
    pdf = noDrive ?? savePdf(spreadsheet.getId(), html, name);
  } catch (e) {
    pdf = explainError(e);
  }
  // The same report as a Google Doc to edit and sign (Quy định 399-QĐ/TW's layout, as the HTML).
  try {
    googleDoc = noDrive ?? saveDoc(spreadsheet.getId(), html, name);
  } catch (e) {
    googleDoc = explainError(e);
  }
  const sheetUrl = `${spreadsheet.getUrl()}#gid=${sheet.getSheetId()}`;
  const dialog = HtmlService.createHtmlOutput(doneHtml(name, sheetUrl, pdf, googleDoc))
    .setWidth(520)
    .setHeight(300);
  SpreadsheetApp.getUi().showModalDialog(dialog, REPORT_UI.doneTitle);
}

/** Written under a temporary name, at the end, so a failure never leaves half a report. */
function newSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  height: number,
): Sheet {
  // A run killed by the time limit never reaches its catch: its draft is cleared here.
  const stale = spreadsheet.getSheetByName(REPORT_UI.draftName(name));
  if (stale) spreadsheet.deleteSheet(stale);
  const sheet = spreadsheet.insertSheet(REPORT_UI.draftName(name), spreadsheet.getNumSheets());
  // Exactly the report's cells: the workbook's 10,000,000 are shared by every sheet. Charts sit
  // on the blank rows the layout leaves under each table.
  fitGrid(sheet, Math.max(height, 2), REPORT_WIDTH);
  return sheet;
}

/** Rows of equal column span that follow each other, merged in one call per run. */
function mergeRuns(boxes: readonly Box[]): Box[] {
  const sorted = [...boxes].sort(
    (a, b) => a.column - b.column || a.columns - b.columns || a.row - b.row,
  );
  const runs: Box[] = [];
  for (const b of sorted) {
    const last = runs[runs.length - 1];
    if (
      last &&
      last.column === b.column &&
      last.columns === b.columns &&
      last.row + last.rows === b.row
    )
      last.rows += b.rows;
    else runs.push({ ...b });
  }
  return runs;
}

function writeReport(sheet: Sheet, layout: ReportSheet): void {
  const height = layout.rows.length;
  const all = sheet.getRange(1, 1, height, REPORT_WIDTH);
  all.setValues(layout.rows.map((r) => r.map(asText)));
  all.setFontFamily('Times New Roman');
  all.setFontWeights(layout.weights);
  all.setFontStyles(layout.styles);
  all.setBackgrounds(layout.backgrounds);
  all.setHorizontalAlignments(layout.alignments);
  all.setVerticalAlignment('middle');
  all.setWraps(layout.wraps);
  const widths = Object.fromEntries(layout.widths.map((px, i) => [i + 1, px]));
  for (const run of widthRuns(widths)) sheet.setColumnWidths(run.start, run.count, run.px);
  const box = (b: Box) => sheet.getRange(b.row, b.column, b.rows, b.columns);
  for (const b of mergeRuns(layout.merges)) box(b).mergeAcross();
  for (const b of layout.borders) box(b).setBorder(true, true, true, true, true, true);
  for (const b of layout.percents) box(b).setNumberFormat('0.0%');
  for (const h of layout.rowHeights) sheet.setRowHeight(h.row, h.px);
  for (const c of layout.charts)
    sheet.insertChart(
      barChart(sheet, c, c.values)
        .setOption('width', c.width)
        .setOption('height', c.height)
        .setPosition(c.anchorRow, 1, 0, 0)
        .build(),
    );
}

function doneHtml(
  name: string,
  sheetUrl: string,
  pdf: SavedFile | string,
  doc: SavedFile | string,
): string {
  const link = (url: string, text: string) =>
    `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(text)}</a>`;
  const pdfLines =
    typeof pdf === 'string'
      ? [`<p style="color: #b3261e">${escapeHtml(REPORT_UI.pdfFailed(pdf))}</p>`]
      : [
          `<p>${link(pdf.url, REPORT_UI.openPdf)}</p>`,
          `<p style="color: #5f6368">${escapeHtml(pdf.besideSpreadsheet ? REPORT_UI.besideSpreadsheet : REPORT_UI.inMyDrive)}</p>`,
        ];
  const docLine =
    typeof doc === 'string'
      ? `<p style="color: #b3261e">${escapeHtml(REPORT_UI.docFailed(doc))}</p>`
      : `<p>${link(doc.url, REPORT_UI.openDoc)}</p>`;
  return [
    '<div style="font-family: Arial, sans-serif; font-size: 13px; line-height: 1.6">',
    `<p>${escapeHtml(typeof pdf === 'string' ? REPORT_UI.sheetOnly(name) : REPORT_UI.done(name))}</p>`,
    `<p>${link(sheetUrl, REPORT_UI.openSheet)}</p>`,
    ...pdfLines,
    docLine,
    '</div>',
  ].join('\n');
}
