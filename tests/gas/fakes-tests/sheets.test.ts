/**
 * Self-tests for the Apps Script fakes (the Sheets fake: values, formats, grid bounds and the 10,000,000-cell limit): they must behave like the real services where
 * the bundle depends on it, and record calls faithfully. Scripts here are inline strings run in
 * the vm context, so these tests do not need dist/Code.js.
 */
import { CELL_LIMIT_MESSAGE, createGasEnvironment, OUTSIDE_GRID_MESSAGE } from '../fakes';
import { load } from './load';

describe('sheets', () => {
  it('getLastRow/getLastColumn follow the content inside a grid that writes never grow', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function write() {
         var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Data');
         sheet.getRange(999, 25, 2, 2).setValues([[1, 2], [3, 4]]);
         return [sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()];
       }`,
    );
    expect(gas.write()).toEqual([1000, 26, 1000, 26]);
    const sheet = env.spreadsheet.sheet('Data');
    expect(sheet.values('Y999:Z1000')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getRange('A1:B2').getA1Notation()).toBe('A1:B2');
  });

  it('throws the real dimension-mismatch message as an Error of the bundle realm', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function mismatch() {
         try {
           SpreadsheetApp.getActiveSheet().getRange(1, 1, 2, 2).setValues([[1, 2]]);
         } catch (e) {
           return [e instanceof Error, String(e)];
         }
       }`,
    );
    expect(gas.mismatch()).toEqual([
      true,
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    ]);
    expect(() =>
      env.spreadsheet
        .sheet('Sheet1')
        .getRange(1, 1, 1, 2)
        .setValues([[1]]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('keeps user text starting with "=" as a formula, and apostrophe-prefixed text as text', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function write() {
         SpreadsheetApp.getActiveSheet().getRange('A1:C1').setValues([['=1+1', "'=2+2", 'plain']]);
       }`,
    );
    gas.write();
    const sheet = env.spreadsheet.sheet('Sheet1');
    expect(sheet.formulas()).toEqual([['=1+1', '', '']]);
    expect(sheet.values()).toEqual([['=1+1', '=2+2', 'plain']]);
  });

  it('models formats, notes, validations, rules, charts and protections for inspection', () => {
    const env = createGasEnvironment();
    env.spreadsheet.addSheet('T', [
      ['Name', 'Date'],
      ['An', new Date('2024-03-01T00:00:00Z')],
    ]);
    const gas = load(
      env,
      `function format() {
         var sheet = SpreadsheetApp.getActive().getSheetByName('T');
         sheet.getRange('B2').setNumberFormat('dd/mm/yyyy');
         sheet.getRange(1, 1, 1, 2).setFontWeight('bold').setBackground('#eeeeee');
         sheet.getRange('A2').setNote('hi');
         sheet.setFrozenRows(1);
         sheet.setColumnWidth(2, 150);
         var list = SpreadsheetApp.newDataValidation().requireValueInList(['x', 'y'], true)
           .setAllowInvalid(false).build();
         sheet.getRange('A2').setDataValidation(list);
         var rule = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('An')
           .setBackground('#ff0000').setRanges([sheet.getRange('A2:A')]).build();
         sheet.setConditionalFormatRules(sheet.getConditionalFormatRules().concat([rule]));
         sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B2'))
           .setTitle('Chart').setPosition(5, 1, 0, 0).build());
         var p = sheet.protect().setDescription('locked');
         p.removeEditors(p.getEditors());
         p.addEditor('admin@example.com');
         return sheet.getRange('B2').getDisplayValue();
       }`,
    );
    expect(gas.format()).toBe('01/03/2024');
    const sheet = env.spreadsheet.sheet('T');
    expect(sheet.fontWeights()).toEqual([
      ['bold', 'bold'],
      ['normal', 'normal'],
    ]);
    expect(sheet.notes()).toEqual([
      ['', ''],
      ['hi', ''],
    ]);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.columnWidths().slice(0, 3)).toEqual([100, 150, 100]);
    expect(sheet.validations('A2')).toEqual([
      [
        {
          criteria: 'VALUE_IN_LIST',
          values: [['x', 'y'], true],
          allowInvalid: false,
          helpText: null,
        },
      ],
    ]);
    expect(sheet.conditionalFormats()).toEqual([
      {
        ranges: ['T!A2:A1000'],
        condition: { type: 'TEXT_EQUAL_TO', values: ['An'] },
        format: { background: '#ff0000' },
      },
    ]);
    expect(sheet.charts()).toEqual([
      expect.objectContaining({ type: 'COLUMN', ranges: ['T!A1:B2'], options: { title: 'Chart' } }),
    ]);
    expect(sheet.protections()).toEqual([
      expect.objectContaining({
        type: 'SHEET',
        description: 'locked',
        editors: ['owner@example.com', 'admin@example.com'],
      }),
    ]);
  });
});

describe('grid bounds', () => {
  const OUTSIDE = `Exception: ${OUTSIDE_GRID_MESSAGE}`;

  it('refuses a range below getMaxRows() or right of getMaxColumns(), numeric or A1', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function attempt(fn) { try { fn(); return 'ok'; } catch (e) { return String(e); } }
       function probe() {
         var sheet = SpreadsheetApp.getActiveSheet();
         return [
           attempt(function () { sheet.getRange(1000, 26).setValue('corner'); }),
           attempt(function () { sheet.getRange(1001, 1); }),
           attempt(function () { sheet.getRange(1, 27); }),
           attempt(function () { sheet.getRange(999, 1, 3, 1); }),
           attempt(function () { sheet.getRange('A1001'); }),
           attempt(function () { sheet.getRange('Z1:AA2'); }),
           attempt(function () { sheet.getRange('A2:C'); }),
           attempt(function () { sheet.getRange('A:Z'); }),
           attempt(function () { SpreadsheetApp.getActive().getRange('Sheet1!A999:A1001'); }),
           attempt(function () { sheet.getRange('A1000').offset(1, 0); }),
         ];
       }`,
    );
    expect(gas.probe()).toEqual([
      'ok',
      OUTSIDE,
      OUTSIDE,
      OUTSIDE,
      OUTSIDE,
      OUTSIDE,
      'ok',
      'ok',
      OUTSIDE,
      OUTSIDE,
    ]);
    const sheet = env.spreadsheet.sheet('Sheet1');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(sheet.values('Z1000')).toEqual([['corner']]);
  });

  it('grows only through insertRows/insertColumns and appendRow; load() grows for the test', () => {
    const env = createGasEnvironment();
    env.spreadsheet.sheet('Sheet1').load([['seed']], 1000);
    const gas = load(
      env,
      `function grow() {
         var sheet = SpreadsheetApp.getActiveSheet();
         sheet.appendRow(['appended', 'row']);
         var afterAppend = [sheet.getMaxRows(), sheet.getLastRow()];
         sheet.insertRowsAfter(sheet.getMaxRows(), 2);
         sheet.insertColumnsAfter(26, 1);
         sheet.getRange(1003, 27).setValue('new corner');
         return afterAppend.concat([sheet.getMaxRows(), sheet.getMaxColumns()]);
       }`,
    );
    expect(gas.grow()).toEqual([1001, 1001, 1003, 27]);
    const sheet = env.spreadsheet.sheet('Sheet1');
    expect(sheet.values('A1000:B1001')).toEqual([
      ['seed', ''],
      ['appended', 'row'],
    ]);
    expect(sheet.values('AA1003')).toEqual([['new corner']]);

    // The helper seeds past the grid, as a test sets up a big sheet.
    sheet.load([['far']], 5000, 30);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([5000, 30]);
  });

  it('refuses writes through a range whose rows were deleted since', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function stale() {
         var sheet = SpreadsheetApp.getActiveSheet();
         var last = sheet.getRange(1000, 1);
         sheet.deleteRows(1, 10);
         try { last.setValue('x'); } catch (e) { return [sheet.getMaxRows(), e.message]; }
       }`,
    );
    expect(gas.stale()).toEqual([990, OUTSIDE_GRID_MESSAGE]);
  });
});

describe('the 10,000,000-cell workbook', () => {
  const LIMIT = `Exception: ${CELL_LIMIT_MESSAGE}`;

  it('counts maxRows x maxColumns over the sheets; a new sheet takes 1000 x 26', () => {
    const env = createGasEnvironment({ sheetNames: ['A', 'B'] });
    expect(env.spreadsheet.totalCells()).toBe(2 * 26_000);
    const gas = load(
      env,
      `function change() {
         var ss = SpreadsheetApp.getActive();
         ss.insertSheet('C');
         ss.getSheetByName('A').insertColumnsAfter(26, 4);
         ss.getSheetByName('B').deleteRows(1, 500);
       }`,
    );
    gas.change();
    expect(env.spreadsheet.totalCells()).toBe(26_000 + 30_000 + 13_000);
  });

  it('refuses insertSheet, insert rows/columns and appendRow growth past the limit, changing nothing', () => {
    const env = createGasEnvironment();
    // 384,615 x 26 = 9,999,990 cells: 10 short of the limit.
    env.spreadsheet.sheet('Sheet1').load([['last']], 384_615);
    expect(env.spreadsheet.totalCells()).toBe(9_999_990);
    const gas = load(
      env,
      `function attempt(fn) { try { fn(); return 'ok'; } catch (e) { return String(e); } }
       function tryAll() {
         var ss = SpreadsheetApp.getActive();
         var sheet = ss.getSheetByName('Sheet1');
         return [
           attempt(function () { ss.insertSheet('New'); }),
           attempt(function () { sheet.insertRowsAfter(1, 1000); }),
           attempt(function () { sheet.insertColumnAfter(26); }),
           attempt(function () { sheet.insertRows(1, 1); }),
           attempt(function () { sheet.appendRow(['x']); }),
           ss.getNumSheets(),
         ];
       }
       function afterFreeing() {
         var ss = SpreadsheetApp.getActive();
         ss.getSheetByName('Sheet1').deleteRows(2, 1000);
         ss.insertSheet('New');
         return attempt(function () { ss.getSheetByName('New').appendRow(['one more']); });
       }`,
    );
    expect(gas.tryAll()).toEqual([LIMIT, LIMIT, LIMIT, LIMIT, LIMIT, 1]);
    const sheet = env.spreadsheet.sheet('Sheet1');
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([
      384_615, 26, 384_615,
    ]);
    expect(env.spreadsheet.totalCells()).toBe(9_999_990);

    // Deleting 1000 rows frees 26,000 cells: room for one new sheet; appendRow into its empty
    // first row needs no growth.
    expect(gas.afterFreeing()).toBe('ok');
    expect(env.spreadsheet.totalCells()).toBe(9_999_990);
    expect(sheet.values('A383615')).toEqual([['last']]);

    // appendRow below the last row of a full sheet would add a row: refused.
    const more = load(
      env,
      `function more() {
         try { SpreadsheetApp.getActive().getSheetByName('Sheet1').appendRow(['x']); }
         catch (e) { return String(e); }
       }`,
    );
    expect(more.more()).toBe(LIMIT);
    expect(() => env.spreadsheet.addSheet('Helper')).toThrow(CELL_LIMIT_MESSAGE);

    // Deleting a sheet frees its cells.
    const freed = load(
      env,
      `function drop() {
         var ss = SpreadsheetApp.getActive();
         ss.deleteSheet(ss.getSheetByName('New'));
         ss.insertSheet('Again');
         return ss.getNumSheets();
       }`,
    );
    expect(freed.drop()).toBe(2);
  });
});
