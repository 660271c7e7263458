// `--unit-files DIR`: one .xlsx per unit, read as that unit's list; only figures come out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { instantOfDay, readDay } from '../../src/core/calendar/dates';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { CANDIDATE_COLUMNS } from '../../src/workbook/contract';
import { candidateLayout } from '../../src/workbook/seed';
import type { Cell } from '../../src/workbook/port';
import { ptdv, tempDir } from '../helpers/cli';

const date = (text: string): Cell => {
  const r = readDay(text);
  return r.kind === 'ok' ? instantOfDay(r.day) : text;
};

/** A unit's file: the list's header and its people (no `Đơn vị`: the file is the unit's). */
async function unitFile(
  path: string,
  people: [string, string, string, string, string][],
): Promise<void> {
  const book = XlsxWorkbook.empty();
  book.writeSheet(
    'Danh sách',
    [
      CANDIDATE_COLUMNS.map((c) => c.header),
      ...people.map(([name, birth, cls, certified, admitted], i) => [
        i + 1,
        name,
        date(birth),
        '',
        'Học sinh',
        cls,
        '',
        date(certified),
        date(admitted),
        '',
        '',
        '',
        '',
        '',
      ]),
    ],
    candidateLayout([]),
  );
  await book.save(path);
}

interface Json {
  units: { code: string; results: Record<string, { actual: number; source: string | null }> }[];
  problems: { sheet: string; row: number; code: string; message: string }[];
  rows: { rows: number };
}

describe('ptdv with --unit-files', () => {
  const dir = tempDir();
  const board = join(dir, 'ban-to-chuc.xlsx');
  const files = join(dir, 'tep-don-vi');
  beforeAll(async () => {
    expect(ptdv('init', '--out', board).code).toBe(0);
    mkdirSync(files);
    await unitFile(join(files, 'THPT-HH1.xlsx'), [
      ['Nguyễn Văn Mẫu', '01/01/2005', 'BD1-HS', '14/04/2024', '10/05/2024'],
      ['Trần Thị Mẫu', '02/02/2005', 'BD1-HS', '14/04/2024', '11/05/2024'],
      ['Lê Văn Mẫu', '31/02/2005', 'BD1-HS', '14/04/2024', ''],
    ]);
    await unitFile(join(files, 'THPT-HH2 - Trường THPT Hiệp Hòa số 2.xlsx'), [
      ['Phạm Văn Mẫu', '03/03/2005', 'BD1-HS', '14/04/2024', ''],
    ]);
    await unitFile(join(files, 'Không rõ.xlsx'), []);
    writeFileSync(join(files, 'ghi-chu.txt'), 'not a unit file');
  });

  test('each file counts for its unit, from "tệp đơn vị"; a file of no unit is reported', () => {
    const run = ptdv(
      'report',
      '--workbook',
      board,
      '--today',
      '2024-12-31',
      '--json',
      '--unit-files',
      files,
    );
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as Json;
    const of = (code: string, m: string) => json.units.find((u) => u.code === code)?.results[m];
    expect(of('THPT-HH1', 'KN-2024')).toMatchObject({ actual: 2, source: 'files' });
    // The row with an unreadable birth date still counts for its class (the error is on the birth).
    expect(of('THPT-HH1', 'BD1-HS')).toMatchObject({ actual: 3, source: 'files' });
    expect(of('THPT-HH2', 'BD1-HS')).toMatchObject({ actual: 1, source: 'files' });
    expect(json.rows.rows).toBe(4);
    expect(json.problems.map((p) => [p.sheet, p.row, p.code])).toEqual([
      ['Không rõ.xlsx', 0, 'unit_file_unknown'],
      ['Tệp THPT-HH1', 4, 'date_invalid'],
    ]);
    // A problem on a birth-date cell does not quote the date.
    expect(json.problems[1]?.message).not.toContain('31/02/2005');
    expect(run.stdout).not.toMatch(/Mẫu/);
  });

  test('check, remind and counts read the files too', () => {
    const check = ptdv('check', '--workbook', board, '--unit-files', files);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Tệp THPT-HH1, dòng 4');
    const out = join(dir, 'so-lieu');
    expect(
      ptdv(
        'counts',
        '--workbook',
        board,
        '--out',
        out,
        '--today',
        '2024-12-31',
        '--unit-files',
        files,
      ).code,
    ).toBe(0);
    const remind = ptdv(
      'remind',
      '--workbook',
      board,
      '--today',
      '2024-05-12',
      '--outbox',
      join(dir, 'outbox'),
      '--unit-files',
      files,
    );
    expect(remind.code).toBe(0);
    // THPT-HH1 has 2 of 8-10 for KN-19-5 from its file: reminded, short by 6.
    expect(remind.stdout).toMatch(
      /Trường THPT Hiệp Hòa số 1: KN-19-5, nhắc trước 7 ngày, còn thiếu 6/,
    );
  });
});
