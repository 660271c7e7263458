// The report as one self-contained HTML page: inline styles and SVG bars, a print stylesheet for
// A4, nothing fetched from anywhere. Every value from the sheets is escaped.
import { escapeHtml } from '../text/html';
import { countColumns } from '../counting/structure';
import { PACE_LABEL, STATUS_LABEL, formatDecimal, formatPercent } from '../messages/labels';
import { REPORT } from '../messages/report';
import type {
  ReportBar,
  ReportDocument,
  ReportDossiers,
  ReportPeriod,
  ReportRow,
  ReportSection,
  ReportStructure,
} from './report-document';
import type { Status } from '../model';

const BAR_COLOUR: Record<Status, string> = {
  not_met: '#cc4125',
  met: '#6aa84f',
  exceeded: '#3d85c6',
  no_quota: '#999999',
};

const CHART_WIDTH = 640;
const LABEL_WIDTH = 250;
const VALUE_WIDTH = 56;
const ROW_HEIGHT = 20;
const LABEL_CHARS = 38;

const STYLE = `
@page { size: A4 portrait; margin: 20mm 15mm 20mm 25mm; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt;
  line-height: 1.35; color: #000; max-width: 180mm; margin: 12mm auto; }
.heading { width: 100%; border-collapse: collapse; margin-bottom: 8mm; }
.heading td { border: none; vertical-align: top; text-align: center; padding: 0; }
.heading .body { font-weight: bold; }
.heading .higher { font-weight: normal; }
.heading .motto { font-weight: bold; text-decoration: underline; }
.heading .date { font-style: italic; }
h1 { text-align: center; font-size: 15pt; margin: 0; }
.subtitle { text-align: center; font-weight: bold; margin: 2mm 0 6mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; }
h3 { font-size: 12.5pt; margin: 4mm 0 2mm; }
p { margin: 1mm 0; text-align: justify; }
table.grid { width: 100%; border-collapse: collapse; font-size: 10pt; table-layout: fixed; }
table.grid th, table.grid td { border: 1px solid #000; padding: 1mm 1mm; overflow-wrap: anywhere; }
table.grid th { background: #f2f2f2; }
table.grid td.n { text-align: right; white-space: nowrap; }
table.grid tr.group td { font-style: italic; }
table.grid tr.total td { font-weight: bold; }
span.late { color: #b3261e; font-weight: bold; }
td.s-not_met, td.p-behind { background: #f4cccc; }
td.s-met, td.p-on_track { background: #d9ead3; }
td.s-exceeded { background: #cfe2f3; }
td[class^='s-'] { white-space: nowrap; }
td.p-at_risk { background: #fce8b2; }
figure { margin: 3mm 0 0; }
figcaption { font-size: 10.5pt; font-style: italic; text-align: center; }
svg text { font-family: inherit; font-size: 11px; }
.note { font-size: 11pt; font-style: italic; }
table.structure { font-size: 8.5pt; }
table.structure td.n { white-space: normal; }
span.unknown { display: block; color: #5f6368; font-size: 7.5pt; }
.closing { width: 100%; border-collapse: collapse; margin-top: 8mm; break-inside: avoid; page-break-inside: avoid; }
.closing td { border: none; vertical-align: top; padding: 0; width: 50%; }
.recipients { font-size: 11pt; }
.recipients p { margin: 0; text-align: left; }
.recipients p.title { font-size: 12pt; font-weight: bold; font-style: italic; }
.signature { text-align: center; font-weight: bold; }
.signature .space { height: 25mm; }
section.milestone { break-inside: avoid-page; page-break-inside: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } }
`;

function clip(text: string, chars: number): string {
  const all = [...text];
  return all.length <= chars ? text : `${all.slice(0, chars - 1).join('')}…`;
}

const percentText = (p: number | null): string => (p === null ? '' : formatPercent(p));

function resultRow(r: ReportRow, i: number): string {
  const cls = r.kind === 'unit' ? '' : ` class="${r.kind}"`;
  return (
    `<tr${cls}>` +
    `<td class="n">${r.kind === 'unit' ? i + 1 : ''}</td>` +
    `<td>${escapeHtml(r.label)}</td>` +
    `<td class="n">${escapeHtml(r.target)}</td>` +
    `<td class="n">${r.actual}</td>` +
    `<td class="n">${percentText(r.percent)}</td>` +
    `<td class="s-${r.status}">${escapeHtml(STATUS_LABEL[r.status])}</td>` +
    `<td class="n">${r.projected === null ? '' : r.projected}</td>` +
    `<td${r.pace ? ` class="p-${r.pace}"` : ''}>${r.pace ? escapeHtml(PACE_LABEL[r.pace]) : ''}</td>` +
    '</tr>'
  );
}

/** Fixed column widths (percent of the page), so every milestone's table lines up. */
// Percent of the table, summing to 100: each number column wide enough for its widest figure
// ("133,3%", "13/10/2024") at 10 pt on A4 less the margins (170 mm); checked in Chromium.
const RESULT_WIDTHS = [5, 27, 9, 9, 11, 12, 12, 15];
const RISK_WIDTHS = [5, 22, 17, 8, 9, 9, 16, 14];
const FILES_WIDTHS = [5, 35, 15, 15, 15, 15];
const PERIOD_WIDTHS = [5, 35, 15, 15, 15, 15];

function head(columns: readonly string[], widths: readonly number[]): string {
  return (
    `<colgroup>${widths.map((w) => `<col style="width: ${w}%">`).join('')}</colgroup>` +
    `<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`
  );
}

/** Horizontal bars, one per unit, on a common scale with a line at 100 %. */
function barChartSvg(title: string, bars: readonly ReportBar[]): string {
  const scale = Math.max(100, ...bars.map((b) => Math.min(b.percent, 200)));
  const area = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW_HEIGHT + 10;
  const x = (p: number) => LABEL_WIDTH + (Math.min(p, scale) / scale) * area;
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW_HEIGHT;
    const width = x(b.percent) - LABEL_WIDTH;
    return (
      `<g class="bar" data-label="${escapeHtml(b.label)}" data-percent="${b.percent}">` +
      `<title>${escapeHtml(`${b.label}: ${percentText(b.percent)}`)}</title>` +
      `<text x="${LABEL_WIDTH - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(clip(b.label, LABEL_CHARS))}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${width.toFixed(1)}" height="${ROW_HEIGHT - 6}" fill="${BAR_COLOUR[b.status]}"/>` +
      `<text x="${(LABEL_WIDTH + width + 4).toFixed(1)}" y="${y + 13}">${percentText(b.percent)}</text>` +
      '</g>'
    );
  });
  const hundred = x(100).toFixed(1);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${CHART_WIDTH} ${height}" ` +
    `width="100%" aria-label="${escapeHtml(title)}">` +
    rows.join('') +
    `<line x1="${hundred}" y1="0" x2="${hundred}" y2="${height}" stroke="#000" stroke-dasharray="3 3"/>` +
    `<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" stroke="#000"/>` +
    '</svg>'
  );
}

function sectionHtml(s: ReportSection): string {
  const chartTitle = REPORT.chartTitle(s.milestone.code);
  let unitIndex = 0;
  const rows = s.rows.map((r) => resultRow(r, r.kind === 'unit' ? unitIndex++ : 0)).join('');
  return (
    `<section class="milestone" data-code="${escapeHtml(s.milestone.code)}">` +
    `<h3>${escapeHtml(s.title)}</h3>` +
    `<table class="grid results">${head(REPORT.columns, RESULT_WIDTHS)}<tbody>${rows}</tbody></table>` +
    (s.bars.length
      ? `<figure>${barChartSvg(chartTitle, s.bars)}<figcaption>${escapeHtml(chartTitle)}</figcaption></figure>`
      : '') +
    '</section>'
  );
}

function risksHtml(doc: ReportDocument): string {
  if (doc.risks.length === 0) return `<p>${escapeHtml(REPORT.noRisks(doc.openMilestones))}</p>`;
  const rows = doc.risks.map(
    (r, i) =>
      '<tr>' +
      `<td class="n">${i + 1}</td>` +
      `<td>${escapeHtml(r.unit)}</td>` +
      `<td>${escapeHtml(REPORT.milestoneWithDeadline(r.milestone, r.deadline))}</td>` +
      `<td class="n">${escapeHtml(r.target)}</td>` +
      `<td class="n">${r.actual}</td>` +
      `<td class="n">${r.projected}</td>` +
      `<td class="n">${escapeHtml(r.reachDate)}</td>` +
      `<td class="p-${r.pace}">${escapeHtml(PACE_LABEL[r.pace])}</td>` +
      '</tr>',
  );
  return `<table class="grid risks">${head(REPORT.riskColumns, RISK_WIDTHS)}<tbody>${rows.join('')}</tbody></table>`;
}

/** Part IV: people per stage by unit (overdue in brackets), and the funnel as bars of counts. */
function filesHtml(files: ReportDossiers): string {
  const cell = (n: number, late?: number) =>
    `<td class="n">${n}${late ? ` <span class="late">(${late})</span>` : ''}</td>`;
  const rows = files.rows.map(
    (r, i) =>
      `<tr${r.total ? ' class="total"' : ''}>` +
      `<td class="n">${r.total ? '' : i + 1}</td>` +
      `<td>${escapeHtml(r.label)}</td>` +
      cell(r.stages.awaiting_decision, r.overdue.awaiting_decision) +
      cell(r.stages.awaiting_ceremony, r.overdue.awaiting_ceremony) +
      cell(r.stages.probation, r.overdue.probation) +
      cell(r.stages.official) +
      '</tr>',
  );
  const top = Math.max(1, ...files.funnel.map((f) => f.count));
  const area = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const bars = files.funnel.map((f, i) => {
    const y = 4 + i * ROW_HEIGHT;
    const width = (f.count / top) * area;
    return (
      `<g class="step" data-label="${escapeHtml(f.label)}" data-count="${f.count}">` +
      `<text x="${LABEL_WIDTH - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(clip(f.label, LABEL_CHARS))}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${width.toFixed(1)}" height="${ROW_HEIGHT - 6}" fill="#5b8def"/>` +
      `<text x="${(LABEL_WIDTH + width + 4).toFixed(1)}" y="${y + 13}">${f.count}</text>` +
      '</g>'
    );
  });
  const height = files.funnel.length * ROW_HEIGHT + 10;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${CHART_WIDTH} ${height}" ` +
    `width="100%" aria-label="${escapeHtml(REPORT.funnelTitle)}">${bars.join('')}` +
    `<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" stroke="#000"/></svg>`;
  return (
    `<section class="files"><p>${escapeHtml(REPORT.filesIntro(files.overdue))}</p>` +
    `<table class="grid files">${head(REPORT.filesColumns, FILES_WIDTHS)}<tbody>${rows.join('')}</tbody></table>` +
    `<figure>${svg}<figcaption>${escapeHtml(REPORT.funnelTitle)}</figcaption></figure></section>`
  );
}

/** A count and, in brackets, how many the list says nothing about. */
const withUnknown = (n: number, unknown: number): string =>
  `<td class="n">${n}${unknown > 0 ? `<span class="unknown">(+${unknown})</span>` : ''}</td>`;

/** Part V: one table per admission milestone (and the period), targets as extra columns. */
function structureHtml(tables: readonly ReportStructure[]): string {
  const html = tables.map((t) => {
    let index = 0;
    const rows = t.rows.map(
      (r) =>
        `<tr${r.kind === 'unit' ? '' : ` class="${r.kind}"`}>` +
        `<td class="n">${r.kind === 'unit' ? ++index : ''}</td>` +
        `<td>${escapeHtml(r.label)}</td>` +
        `<td class="n">${r.admitted}</td>` +
        `<td class="n">${percentText(r.percent)}</td>` +
        countColumns(r)
          .map((c) => withUnknown(c.count, c.unknown))
          .join('') +
        `<td class="n">${r.averageAge === null ? '' : formatDecimal(r.averageAge)}</td>` +
        t.targets.map((k) => `<td class="n">${r.byTarget[k] ?? 0}</td>`).join('') +
        '</tr>',
    );
    const columns = [...REPORT.structureColumns, ...t.targets];
    // The unit's name takes what the figures leave; the percentage ("133,3%") needs the most.
    const figures = columns.length - 2;
    const each = Math.min(7, 74 / figures);
    const widths = [
      4,
      96 - figures * each - 2,
      ...columns.slice(2).map((_, i) => (i === 1 ? each + 2 : each)),
    ];
    return (
      `<section class="structure" data-milestone="${escapeHtml(t.milestone ?? '')}">` +
      `<h3>${escapeHtml(t.title)}</h3>` +
      `<table class="grid structure">${head(columns, widths)}<tbody>${rows.join('')}</tbody></table></section>`
    );
  });
  return `<p class="note">${escapeHtml(REPORT.structureIntro)}</p>${html.join('')}`;
}

/** Part VI: the period's admissions and nominations beside the same days a year earlier. */
function periodHtml(period: ReportPeriod): string {
  let index = 0;
  const rows = period.rows.map(
    (r) =>
      `<tr${r.kind === 'unit' ? '' : ` class="${r.kind}"`}>` +
      `<td class="n">${r.kind === 'unit' ? ++index : ''}</td>` +
      `<td>${escapeHtml(r.label)}</td>` +
      `<td class="n">${r.admitted}</td><td class="n">${r.previousAdmitted}</td>` +
      `<td class="n">${r.nominated}</td><td class="n">${r.previousNominated}</td></tr>`,
  );
  return (
    `<section class="period"><h3>${escapeHtml(period.title)}</h3>` +
    `<table class="grid period">${head(REPORT.periodColumns, PERIOD_WIDTHS)}<tbody>${rows.join('')}</tbody></table>` +
    (period.note ? `<p class="note">${escapeHtml(period.note)}</p>` : '') +
    '</section>'
  );
}

/** A line of the heading or the signature; one not set keeps its height, to be written in. */
const line = (text: string, cls: string): string =>
  `<div class="${cls}">${text === '' ? '&nbsp;' : escapeHtml(text)}</div>`;

/** The left block: the committee above, the issuing body, its star, the number. */
function headingHtml(doc: ReportDocument): string {
  const h = doc.heading;
  return (
    (h.higherBody ? line(h.higherBody, 'higher') : '') +
    line(h.issuingBody, 'body') +
    line('*', 'star') +
    line(h.number, 'number')
  );
}

/** `Nơi nhận` on the left, the signature block on the right, as in every Party document. */
function closingHtml(doc: ReportDocument): string {
  const g = doc.signature;
  return (
    '<table class="closing"><tr>' +
    `<td class="recipients"><p class="title">${escapeHtml(REPORT.recipientsTitle)}</p>` +
    `${doc.recipients.map((r) => `<p>${escapeHtml(r)}</p>`).join('')}</td>` +
    `<td class="signature">${line(g.authority, 'authority')}${line(g.title, 'title')}` +
    `<div class="space"></div>${line(g.signer, 'signer')}</td>` +
    '</tr></table>'
  );
}

export function reportHtml(doc: ReportDocument): string {
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(REPORT.pageTitle(doc.asOf))}</title>
<style>${STYLE}</style></head><body>
<table class="heading"><tr>
<td>${headingHtml(doc)}</td>
<td><div class="motto">${escapeHtml(doc.motto)}</div><div class="date">${escapeHtml(doc.placeDate)}</div></td>
</tr></table>
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
<h2>${escapeHtml(REPORT.partSummary)}</h2>
${doc.summary.map(p).join('\n')}
<h2>${escapeHtml(REPORT.partSections)}</h2>
${doc.sections.map(sectionHtml).join('\n')}
<h2>${escapeHtml(REPORT.partRisks)}</h2>
${risksHtml(doc)}
<p class="note">${escapeHtml(REPORT.forecastNote)}</p>
${doc.dossiers ? `<h2>${escapeHtml(REPORT.partFiles)}</h2>\n${filesHtml(doc.dossiers)}` : ''}
${doc.structure.length ? `<h2>${escapeHtml(REPORT.partStructure)}</h2>\n${structureHtml(doc.structure)}` : ''}
${doc.period ? `<h2>${escapeHtml(REPORT.partPeriod)}</h2>\n${periodHtml(doc.period)}` : ''}
${closingHtml(doc)}
</body></html>
`;
}
