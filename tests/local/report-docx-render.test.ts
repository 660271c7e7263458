// The .docx renderer on a ReportDocument built by hand: Part V's structure tables (unknowns beside
// their figures, a column per `Đối tượng`) and Part VI's period table, a sheet value kept as the
// text it is, and the same signature block as the HTML page and the report sheet.
import { dayFromYmd } from '../../src/core/calendar/dates';
import { REPORT } from '../../src/core/messages/report';
import type { ReportDocument, StructureRow } from '../../src/core/reports/report-document';
import { reportHtml } from '../../src/core/reports/report-html';
import { reportDocx } from '../../src/local/report-docx';
import { reportSheet } from '../../src/workbook/report-sheet';
import {
  cellTexts,
  readDocx,
  tableAfter,
  tablesOf,
  type DocxParagraph,
  type DocxTable,
} from '../helpers/docx-xml';

const FORMULA = '=HYPERLINK("http://example.com";"Bấm")';
const MARKUP = 'Chi bộ <b>Đông</b> & "Tây"';

const none = { gender: 0, ethnicity: 0, religion: 0, youthUnion: 0, age: 0 };

function structureRow(over: Partial<StructureRow>): StructureRow {
  return {
    kind: 'unit',
    label: '',
    admitted: 0,
    percent: null,
    women: 0,
    ethnicMinority: 0,
    religious: 0,
    youthUnion: 0,
    aged18to30: 0,
    averageAge: null,
    unknown: none,
    byTarget: {},
    ...over,
  };
}

function document(over: Partial<ReportDocument> = {}): ReportDocument {
  return {
    heading: { higherBody: 'ĐẢNG ỦY XÃ MẪU SƠN', issuingBody: 'VĂN PHÒNG', number: 'Số 7-BC/……' },
    motto: REPORT.motto,
    placeDate: 'Mẫu Sơn, ngày 05 tháng 12 năm 2026',
    title: REPORT.title,
    subtitle: 'Kết quả thực hiện Kế hoạch số 12-KH/ĐU',
    summary: ['Tính đến ngày 30/11/2026, 2 đơn vị.'],
    sections: [
      {
        milestone: {
          code: 'KN-2026',
          name: 'Kết nạp năm 2026',
          kind: 'admission',
          appliesTo: 'all',
          from: null,
          deadline: dayFromYmd(2026, 12, 31) ?? 0,
          opening: null,
          leadDays: [],
          archived: false,
        },
        phase: 'open',
        title: 'Kết nạp năm 2026 (KN-2026) — hạn 31/12/2026',
        rows: [
          {
            kind: 'unit',
            label: FORMULA,
            target: '2',
            actual: 3,
            percent: 150,
            status: 'exceeded',
            projected: 3,
            pace: 'on_track',
          },
          {
            kind: 'total',
            label: 'Tổng cộng',
            target: '2',
            actual: 3,
            percent: 150,
            status: 'exceeded',
            projected: 3,
            pace: 'on_track',
          },
        ],
        bars: [],
      },
    ],
    risks: [],
    dossiers: null,
    structure: [
      {
        title: 'Kết nạp năm 2026 (KN-2026): kết nạp đến 30/11/2026',
        milestone: 'KN-2026',
        from: '',
        to: '30/11/2026',
        targets: ['Công nhân', 'Học sinh'],
        rows: [
          structureRow({
            label: MARKUP,
            admitted: 5,
            percent: 125,
            women: 3,
            ethnicMinority: 1,
            religious: 0,
            youthUnion: 4,
            aged18to30: 5,
            averageAge: 19.46,
            unknown: { ...none, gender: 2, religion: 1 },
            byTarget: { 'Học sinh': 4, 'Công nhân': 1 },
          }),
          structureRow({
            kind: 'group',
            label: 'Cộng Thôn',
            admitted: 5,
            women: 3,
            unknown: { ...none, gender: 2 },
            byTarget: { 'Học sinh': 4, 'Công nhân': 1 },
          }),
          structureRow({
            kind: 'total',
            label: 'Tổng cộng',
            admitted: 5,
            percent: 125,
            women: 3,
            unknown: { ...none, gender: 2 },
            byTarget: { 'Học sinh': 4, 'Công nhân': 1 },
          }),
        ],
      },
    ],
    period: {
      title:
        'Kết nạp và cử đi học quý IV năm 2026 (cùng kỳ năm trước: từ ngày 01/10/2025 đến ngày 31/12/2025)',
      note: '2 đơn vị báo số người trong `Số liệu` hoặc tệp riêng, không có ngày kết nạp từng người.',
      from: '01/10/2026',
      to: '31/12/2026',
      previousFrom: '01/10/2025',
      previousTo: '31/12/2025',
      rows: [
        {
          kind: 'unit',
          label: 'Chi bộ thôn Tây',
          admitted: 2,
          nominated: 6,
          previousAdmitted: 1,
          previousNominated: 4,
        },
        {
          kind: 'total',
          label: 'Tổng cộng',
          admitted: 2,
          nominated: 6,
          previousAdmitted: 1,
          previousNominated: 4,
        },
      ],
    },
    openMilestones: 1,
    signature: { authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'Trần Thị Mẫu' },
    recipients: ['- Ban Tổ chức Huyện ủy (để báo cáo),', '- Lưu Văn phòng.'],
    asOf: '30/11/2026',
    ...over,
  };
}

const paragraphs = (blocks: { kind: string }[]): string[] =>
  blocks.filter((b): b is DocxParagraph => b.kind === 'p').map((p) => p.text);

describe('reportDocx on a document built by hand', () => {
  test('Part V: the structure columns, then one per Đối tượng; unknowns beside their figure', async () => {
    const doc = await readDocx(await reportDocx(document()));
    expect(paragraphs(doc.blocks)).toContain(REPORT.partStructure);
    const table = tableAfter(doc, 'Kết nạp năm 2026 (KN-2026): kết nạp đến 30/11/2026');
    const [header, unit, group, total] = cellTexts(table);
    expect(header).toEqual([...REPORT.structureColumns, 'Công nhân', 'Học sinh']);
    expect(unit).toEqual([
      '1',
      MARKUP,
      '5',
      '125%',
      '3 (+2 chưa rõ)',
      '1',
      '0 (+1 chưa rõ)',
      '4',
      '5',
      '19,5',
      '1',
      '4',
    ]);
    expect(group?.slice(0, 5)).toEqual(['', 'Cộng Thôn', '5', '', '3 (+2 chưa rõ)']);
    expect(total?.[1]).toBe('Tổng cộng');
    const style = (row: number) =>
      table.rows[row]?.cells.flatMap((c) => c.paragraphs[0]?.runs ?? []) ?? [];
    expect(style(2).every((r) => r.italic && !r.bold)).toBe(true);
    expect(style(3).every((r) => r.bold)).toBe(true);
    expect(table.rows[0]?.header).toBe(true);
  });

  test('Part VI: the period beside the same days a year earlier', async () => {
    const doc = await readDocx(await reportDocx(document()));
    expect(paragraphs(doc.blocks)).toContain(REPORT.partPeriod);
    const table = tableAfter(doc, 'Kết nạp và cử đi học quý IV năm 2026');
    expect(cellTexts(table)).toEqual([
      [...REPORT.periodColumns],
      ['1', 'Chi bộ thôn Tây', '2', '1', '6', '4'],
      ['', 'Tổng cộng', '2', '1', '6', '4'],
    ]);
    expect(table.rows[1]?.cells.slice(2).every((c) => c.paragraphs[0]?.align === 'right')).toBe(
      true,
    );
    // Units that report counts without days are said under the table.
    expect(paragraphs(doc.blocks)).toContain(
      '2 đơn vị báo số người trong `Số liệu` hoặc tệp riêng, không có ngày kết nạp từng người.',
    );
  });

  test('without structure or period, neither part is there', async () => {
    const doc = await readDocx(await reportDocx(document({ structure: [], period: null })));
    const texts = paragraphs(doc.blocks);
    expect(texts).not.toContain(REPORT.partStructure);
    expect(texts).not.toContain(REPORT.partPeriod);
  });

  test('a sheet value stays the text it is: a leading = is no formula, markup no markup', async () => {
    const bytes = await reportDocx(document());
    const doc = await readDocx(bytes);
    const table = tableAfter(doc, 'Kết nạp năm 2026 (KN-2026) — hạn 31/12/2026');
    expect(cellTexts(table)[1]?.[1]).toBe(FORMULA);
    expect(doc.documentXml).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar/);
    expect(doc.documentXml).not.toContain('<b>');
    expect(doc.documentXml).toContain('&lt;b&gt;Đông&lt;/b&gt; &amp;');
  });

  test('a control character a cell may hold is dropped, so the document still opens', async () => {
    const doc = await readDocx(
      await reportDocx(document({ summary: ['Tính đến\u0007 ngày 30/11/2026\u0000.'] })),
    );
    expect(paragraphs(doc.blocks)).toContain('Tính đến ngày 30/11/2026.');
  });

  test('the heading and the signature block say what the HTML page and the report sheet say', async () => {
    const model = document();
    const doc = await readDocx(await reportDocx(model));
    const heading = doc.blocks[0] as DocxTable;
    const left = heading.rows[0]?.cells[0]?.paragraphs.map((p) => p.text);
    expect(left).toEqual(['ĐẢNG ỦY XÃ MẪU SƠN', 'VĂN PHÒNG', '*', 'Số 7-BC/……']);
    const closing = tablesOf(doc).at(-1) as DocxTable;
    const signature = closing.rows[0]?.cells[1]?.paragraphs.map((p) => p.text) ?? [];
    expect(signature.filter((t) => t !== '')).toEqual([
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Trần Thị Mẫu',
    ]);
    const html = reportHtml(model);
    const sheet = reportSheet(model).rows.flat().map(String);
    for (const text of [
      ...(left ?? []),
      ...signature.filter((t) => t !== ''),
      ...model.recipients,
    ]) {
      expect(html).toContain(text);
      expect(sheet).toContain(text);
    }
  });
});
