/**
 * Self-tests for the Apps Script fakes: they must behave like the real services where the bundle
 * depends on it, and record calls faithfully. Scripts here are inline strings run in the vm
 * context, so these tests do not need dist/Code.js.
 */
import {
  BODY_SIZE_MESSAGE,
  CELL_LIMIT_MESSAGE,
  createGasEnvironment,
  CUT_OFF_MESSAGE,
  isCutOffError,
  OUTSIDE_GRID_MESSAGE,
  PROTECTED_MESSAGE,
  runScript,
  TOO_MANY_RECIPIENTS_MESSAGE,
  type GasEnvironment,
} from './fakes';

function load(env: GasEnvironment, code: string) {
  return runScript(env, code, 'fakes-test.js');
}

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

describe('protections, enforced for the effective user', () => {
  const OWNER = 'owner@example.com';
  const OFFICER = 'officer@example.com';
  const PROTECTED = `Exception: ${PROTECTED_MESSAGE}`;

  /** A spreadsheet whose owner protected 'Locked' (B2:C3 left open) and 'Open'!A1:B2. */
  function protectedSheet(): { env: GasEnvironment; gas: ReturnType<typeof load> } {
    const env = createGasEnvironment({ user: OWNER });
    env.spreadsheet.addSheet('Locked', [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    env.spreadsheet.addSheet('Open', [['x', 'y', 'z']]);
    const gas = load(
      env,
      `function attempt(fn) { try { fn(); return 'ok'; } catch (e) { return String(e); } }
       function protectAll() {
         var ss = SpreadsheetApp.getActive();
         var locked = ss.getSheetByName('Locked');
         var p = locked.protect().setDescription('Board only');
         p.setUnprotectedRanges([locked.getRange('B2:C3')]);
         p.removeEditors(p.getEditors());
         ss.getSheetByName('Open').getRange('A1:B2').protect().setDescription('header');
       }
       function lockedSheet() { return SpreadsheetApp.getActive().getSheetByName('Locked'); }
       function writes() {
         var ss = SpreadsheetApp.getActive();
         var sheet = lockedSheet();
         var r = sheet.getRange('A1');
         var rule = SpreadsheetApp.newDataValidation().requireValueInList(['x']).build();
         var cf = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground('#ff0000')
           .setRanges([sheet.getRange('A1:A2')]).build();
         var chart = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B2')).build();
         var p = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
         var ops = {
           setValue: function () { r.setValue('new'); },
           setValues: function () { sheet.getRange('A1:B1').setValues([['1', '2']]); },
           setFormula: function () { r.setFormula('=1+1'); },
           clear: function () { r.clear(); },
           clearContent: function () { r.clearContent(); },
           clearFormat: function () { r.clearFormat(); },
           clearNote: function () { r.clearNote(); },
           sheetClear: function () { sheet.clear(); },
           sheetClearContents: function () { sheet.clearContents(); },
           setNote: function () { r.setNote('n'); },
           setNotes: function () { r.setNotes([['n']]); },
           setBackground: function () { r.setBackground('#ff0000'); },
           setBackgrounds: function () { r.setBackgrounds([['#ff0000']]); },
           setFontWeight: function () { r.setFontWeight('bold'); },
           setFontWeights: function () { r.setFontWeights([['bold']]); },
           setNumberFormat: function () { r.setNumberFormat('0.00'); },
           setNumberFormats: function () { r.setNumberFormats([['0.00']]); },
           setDataValidation: function () { r.setDataValidation(rule); },
           clearDataValidations: function () { r.clearDataValidations(); },
           merge: function () { sheet.getRange('A1:A2').merge(); },
           setBorder: function () { r.setBorder(true, true, true, true, false, false); },
           setColumnWidth: function () { sheet.setColumnWidth(1, 200); },
           setColumnWidths: function () { sheet.setColumnWidths(1, 2, 200); },
           setRowHeight: function () { sheet.setRowHeight(1, 40); },
           setFrozenRows: function () { sheet.setFrozenRows(1); },
           setFrozenColumns: function () { sheet.setFrozenColumns(1); },
           insertRowsAfter: function () { sheet.insertRowsAfter(1, 1); },
           insertColumnsAfter: function () { sheet.insertColumnsAfter(1, 1); },
           deleteRows: function () { sheet.deleteRows(5, 1); },
           deleteColumns: function () { sheet.deleteColumns(5, 1); },
           appendRow: function () { sheet.appendRow(['x']); },
           setConditionalFormatRules: function () { sheet.setConditionalFormatRules([cf]); },
           insertChart: function () { sheet.insertChart(chart); },
           setName: function () { sheet.setName('Renamed'); },
           deleteSheet: function () { ss.deleteSheet(sheet); },
           addEditor: function () { p.addEditor('${OFFICER}'); },
           removeEditor: function () { p.removeEditor('${OWNER}'); },
           setDescription: function () { p.setDescription('mine now'); },
           setWarningOnly: function () { p.setWarningOnly(true); },
           setDomainEdit: function () { p.setDomainEdit(true); },
           setUnprotectedRanges: function () { p.setUnprotectedRanges([sheet.getRange('A1:C3')]); },
           remove: function () { p.remove(); },
         };
         var out = {};
         for (var name in ops) out[name] = attempt(ops[name]);
         return out;
       }
       function reads() {
         var sheet = lockedSheet();
         var p = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
         return [sheet.getRange('A1:C2').getValues(), p.getDescription(), p.canEdit(),
           p.getEditors().map(function (u) { return u.getEmail(); })];
       }
       function openCells() {
         var sheet = lockedSheet();
         var open = SpreadsheetApp.getActive().getSheetByName('Open');
         return [
           attempt(function () { sheet.getRange('B2:C3').setValues([['in', 'side'], ['the', 'hole']]); }),
           attempt(function () { sheet.getRange('B2').setNote('note'); }),
           attempt(function () { sheet.getRange('A2:B2').setValues([['half', 'out']]); }),
           attempt(function () { open.getRange('C1').setValue('free'); }),
           attempt(function () { open.getRange('B2:C2').setValues([['over', 'lap']]); }),
           attempt(function () { open.insertRowsAfter(5, 1); }),
           attempt(function () { open.insertRowAfter(1); }),
           attempt(function () { open.deleteRows(3, 1); }),
           attempt(function () { open.deleteRows(2, 1); }),
           attempt(function () { open.setFrozenRows(1); }),
         ];
       }`,
    );
    gas.protectAll();
    return { env, gas };
  }

  it('refuses every kind of change to a protected sheet for a user who is not an editor, with no effect', () => {
    const { env, gas } = protectedSheet();
    const before = JSON.stringify([
      env.spreadsheet.sheetNames(),
      env.spreadsheet.protections(),
      env.spreadsheet.totalCells(),
      ...['Locked', 'Open'].map((name) => {
        const s = env.spreadsheet.sheet(name);
        return [
          s.values('A1:E5'),
          s.formulas('A1:E5'),
          s.notes('A1:E5'),
          s.backgrounds('A1:E5'),
          s.fontWeights('A1:E5'),
          s.numberFormats('A1:E5'),
          s.validations('A1:E5'),
          s.merges(),
          s.borders(),
          s.columnWidths(),
          s.getFrozenRows(),
          s.getFrozenColumns(),
          s.getRowHeight(1),
          s.conditionalFormats(),
          s.charts(),
        ];
      }),
    ]);
    env.actAs(OFFICER);
    expect(env.session.getActiveUser().getEmail()).toBe(OFFICER);
    expect(env.state.effectiveUser).toBe(OFFICER);
    const results = gas.writes() as Record<string, string>;
    expect(Object.keys(results)).toHaveLength(42);
    expect(Object.entries(results).filter(([, r]) => r !== PROTECTED)).toEqual([]);
    const after = JSON.stringify([
      env.spreadsheet.sheetNames(),
      env.spreadsheet.protections(),
      env.spreadsheet.totalCells(),
      ...['Locked', 'Open'].map((name) => {
        const s = env.spreadsheet.sheet(name);
        return [
          s.values('A1:E5'),
          s.formulas('A1:E5'),
          s.notes('A1:E5'),
          s.backgrounds('A1:E5'),
          s.fontWeights('A1:E5'),
          s.numberFormats('A1:E5'),
          s.validations('A1:E5'),
          s.merges(),
          s.borders(),
          s.columnWidths(),
          s.getFrozenRows(),
          s.getFrozenColumns(),
          s.getRowHeight(1),
          s.conditionalFormats(),
          s.charts(),
        ];
      }),
    ]);
    expect(after).toBe(before);
    // Reading is always allowed; canEdit answers for the effective user.
    expect(gas.reads()).toEqual([
      [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ],
      'Board only',
      false,
      [OWNER],
    ]);
  });

  it('honours unprotected ranges, and a range protection only blocks what overlaps it', () => {
    const { env, gas } = protectedSheet();
    env.actAs(OFFICER);
    expect(gas.openCells()).toEqual([
      'ok',
      'ok',
      PROTECTED,
      'ok',
      PROTECTED,
      'ok',
      PROTECTED,
      'ok',
      PROTECTED,
      'ok',
    ]);
    expect(env.spreadsheet.sheet('Locked').values('B2:C3')).toEqual([
      ['in', 'side'],
      ['the', 'hole'],
    ]);
  });

  it('lets the owner, the editors and anyone under a warning-only protection edit', () => {
    const { env, gas } = protectedSheet();
    const edit = load(
      env,
      `function edit(value) {
         return attempt(function () { lockedSheet().getRange('A1').setValue(value); });
       }
       function share(email) {
         lockedSheet().getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].addEditor(email);
       }
       function warnOnly() {
         lockedSheet().getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].setWarningOnly(true);
       }`,
    );
    env.actAs(OFFICER);
    expect(edit.edit('officer')).toBe(PROTECTED);
    env.actAs(OWNER);
    expect(edit.edit('owner')).toBe('ok');
    edit.share(OFFICER.toUpperCase());
    env.actAs(OFFICER);
    expect(edit.edit('officer, now an editor')).toBe('ok');
    expect(gas.reads()[2]).toBe(true);

    env.actAs('other@example.com');
    expect(edit.edit('other')).toBe(PROTECTED);
    env.actAs(OWNER);
    edit.warnOnly();
    env.actAs('other@example.com');
    expect(edit.edit('other, warned')).toBe('ok');
    expect(env.spreadsheet.sheet('Locked').values('A1')).toEqual([['other, warned']]);
  });

  it('runs a trigger as its creator, and the load() helper as the test', () => {
    const { env, gas } = protectedSheet();
    const install = load(
      env,
      `function install() { ScriptApp.newTrigger('daily').timeBased().everyDays(1).create(); }
       function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }`,
    );
    env.actAs(OFFICER);
    install.install();
    env.actAs(OWNER);
    install.install();
    expect(env.triggers.map((t) => t.creator)).toEqual([OFFICER, OWNER]);
    env.actAsTrigger(env.triggers[0] ?? OFFICER);
    expect(install.who()).toEqual(['', OFFICER]);
    expect(gas.openCells()[2]).toBe(PROTECTED);
    env.actAsTrigger(env.triggers[1] ?? OWNER);
    expect(gas.openCells()[2]).toBe('ok');

    env.actAs(OFFICER);
    env.spreadsheet.sheet('Locked').load([['seeded by the test']]);
    expect(env.spreadsheet.sheet('Locked').values('A1')).toEqual([['seeded by the test']]);
  });
});

describe('call recording', () => {
  it('counts SpreadsheetApp calls across derived objects, Ui separately, helpers not at all', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function run() {
         var ss = SpreadsheetApp.getActiveSpreadsheet();      // 1
         var sheet = ss.getSheetByName('Sheet1');             // 2
         sheet.getRange('A1').setValue('x');                  // 3, 4
         var ui = SpreadsheetApp.getUi();                     // 5
         ui.createMenu('PTĐV').addItem('Run', 'run').addToUi(); // Ui x3
         ss.toast('done');                                    // 6
       }`,
    );
    gas.run();
    expect(env.countCalls('SpreadsheetApp')).toBe(6);
    expect(env.countCalls('Ui')).toBe(3);
    expect(env.calls.map((c) => c.method).slice(0, 4)).toEqual([
      'getActiveSpreadsheet',
      'getSheetByName',
      'getRange',
      'setValue',
    ]);
    expect(env.ui.menus).toEqual([
      { title: 'PTĐV', items: [{ caption: 'Run', functionName: 'run' }] },
    ]);
    expect(env.ui.toasts[0]?.message).toBe('done');

    env.resetCalls();
    env.spreadsheet.sheet('Sheet1').values();
    env.spreadsheet.getSheetByName('Sheet1')?.getRange('A1').getValue();
    expect(env.calls).toEqual([]);
  });

  it('returns the same proxy for the same fake, so identity checks work in the bundle', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function same() {
         var ss = SpreadsheetApp.getActive();
         return ss.getSheetByName('Sheet1') === ss.getActiveSheet();
       }`,
    );
    expect(gas.same()).toBe(true);
  });
});

describe('MailApp', () => {
  it('charges one quota unit per recipient and refuses to go below zero', () => {
    const env = createGasEnvironment({ mailQuota: 4 });
    const gas = load(
      env,
      `function send() {
         MailApp.sendEmail('a@example.com, b@example.com', 'S', 'B', { cc: 'c@example.com' });
         var left = MailApp.getRemainingDailyQuota();
         try {
           MailApp.sendEmail({ to: 'd@example.com', bcc: 'e@example.com', subject: 'S', body: 'B' });
         } catch (e) {
           return [left, e.message];
         }
       }`,
    );
    expect(gas.send()).toEqual([1, 'Service invoked too many times for one day: email.']);
    expect(env.mail.sent).toHaveLength(1);
    expect(env.mail.recipients()).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(env.mail.quota).toBe(1);
  });

  it('rejects configured addresses and cuts a run off after n sends', () => {
    const env = createGasEnvironment();
    env.mail.reject('bad@example.com').failAfter(2);
    const gas = load(
      env,
      `function sendAll(list) {
         var failed = [];
         for (var i = 0; i < list.length; i++) {
           try { MailApp.sendEmail(list[i], 'S', 'B'); } catch (e) { failed.push(e.message); }
         }
         return failed;
       }`,
    );
    const list = ['a@x.com', 'bad@example.com', 'b@x.com', 'c@x.com', 'd@x.com'];
    expect(gas.sendAll(list)).toEqual([
      'Invalid email: bad@example.com',
      'Exceeded maximum execution time',
      'Exceeded maximum execution time',
    ]);
    expect(env.mail.sent.map((m) => m.to)).toEqual(['a@x.com', 'b@x.com']);
    expect(() => gas.sendAll(['e@x.com'])).not.toThrow();
    expect(env.state.cutOff).toBe(true);

    env.endExecution();
    expect(gas.sendAll(['e@x.com'])).toEqual([]);
    expect(isCutOffError(new Error('Exceeded maximum execution time'))).toBe(true);
  });

  const SEND = `function send(message) {
     try { MailApp.sendEmail(message); return 'sent'; } catch (e) { return String(e); }
   }`;
  const addresses = (n: number, domain = 'x.com') =>
    Array.from({ length: n }, (_, i) => `p${i}@${domain}`).join(', ');

  it('refuses more than 50 recipients in one message, to, cc and bcc counted together', () => {
    const env = createGasEnvironment({ mailQuota: 1000 });
    const gas = load(env, SEND);
    const tooMany = `Exception: ${TOO_MANY_RECIPIENTS_MESSAGE}`;
    const message = (to: number, cc: number, bcc: number) => ({
      to: addresses(to),
      cc: addresses(cc, 'y.com'),
      bcc: addresses(bcc, 'z.com'),
      subject: 'S',
      body: 'B',
    });
    expect(gas.send(message(20, 20, 10))).toBe('sent');
    expect(gas.send(message(20, 20, 11))).toBe(tooMany);
    expect(gas.send(message(51, 0, 0))).toBe(tooMany);
    expect(env.mail.sent).toHaveLength(1);
    expect(env.mail.quota).toBe(950);
  });

  it('refuses a text or HTML body over 200 KB of UTF-8 (400 KB on Workspace)', () => {
    const consumer = createGasEnvironment();
    const gas = load(consumer, SEND);
    const limit = 200 * 1024;
    const tooBig = `Exception: ${BODY_SIZE_MESSAGE}`;
    expect(gas.send({ to: 'a@x.com', subject: 'S', body: 'a'.repeat(limit) })).toBe('sent');
    expect(gas.send({ to: 'a@x.com', subject: 'S', body: 'a'.repeat(limit + 1) })).toBe(tooBig);
    // 70,000 characters, but 210,000 bytes: the limit is in bytes.
    const html = 'ạ'.repeat(70_000);
    expect(gas.send({ to: 'a@x.com', subject: 'S', body: 'x', htmlBody: html })).toBe(tooBig);
    expect(consumer.mail.sent).toHaveLength(1);
    expect(consumer.mail.quota).toBe(99);

    const workspace = createGasEnvironment({ account: 'workspace' });
    const ws = load(workspace, SEND);
    expect(workspace.mail.getRemainingDailyQuota()).toBe(1500);
    expect(ws.send({ to: 'a@x.com', subject: 'S', body: 'x', htmlBody: html })).toBe('sent');
    expect(ws.send({ to: 'a@x.com', subject: 'S', body: 'a'.repeat(400 * 1024 + 1) })).toBe(tooBig);
  });

  it('killAfterSend(k): the k-th send goes out, then the run is dead until endExecution()', () => {
    const env = createGasEnvironment();
    env.spreadsheet.sheet('Sheet1').load([['to'], ['a@x.com'], ['b@x.com'], ['c@x.com']]);
    const gas = load(
      env,
      `function sendAll() {
         var sheet = SpreadsheetApp.getActiveSheet();
         var list = sheet.getRange(2, 1, 3, 1).getValues();
         var failed = [];
         for (var i = 0; i < list.length; i++) {
           try {
             MailApp.sendEmail(list[i][0], 'S', 'B');
             sheet.getRange(i + 2, 2).setValue('sent');
           } catch (e) {
             failed.push(e.message);
             try { sheet.getRange(i + 2, 2).setValue('failed'); } catch (e2) { failed.push(e2.message); }
           }
         }
         return failed;
       }`,
    );
    env.mail.killAfterSend(2);
    expect(gas.sendAll()).toEqual([
      CUT_OFF_MESSAGE,
      CUT_OFF_MESSAGE,
      CUT_OFF_MESSAGE,
      CUT_OFF_MESSAGE,
    ]);
    expect(env.mail.sent.map((m) => m.to)).toEqual(['a@x.com', 'b@x.com']);
    expect(env.state.cutOff).toBe(true);
    // Killed right after the second send: its mark never reached the sheet.
    expect(env.spreadsheet.sheet('Sheet1').values('B2:B4')).toEqual([['sent'], [''], ['']]);

    env.endExecution();
    expect(gas.sendAll()).toEqual([]);
    expect(env.mail.sent).toHaveLength(5);
    expect(() => env.mail.killAfterSend(0)).toThrow('positive integer');
  });
});

describe('latency model', () => {
  it('is off by default: calls take no time', () => {
    const env = createGasEnvironment({ now: new Date('2025-01-01T00:00:00Z') });
    const gas = load(
      env,
      `function run() {
         SpreadsheetApp.getActiveSheet().getRange('A1:Z1000').getValues();
         MailApp.sendEmail('a@x.com', 'S', 'B');
       }`,
    );
    gas.run();
    expect(env.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(env.modelledMs()).toBe(0);
  });

  it('charges calls, cells, mails, properties and locks to the clock the script sees', () => {
    const env = createGasEnvironment({ now: new Date('2025-01-01T00:00:00Z'), latency: true });
    const gas = load(
      env,
      `function run() {
         var t0 = Date.now();
         var sheet = SpreadsheetApp.getActiveSheet();                        // 50
         var values = sheet.getRange(1, 1, 1000, 10).getValues();           // 50 + 50 + 10,000 x 2 µs
         sheet.getRange('A1').setBackground('#ff0000');                      // 50 + 50
         var lock = LockService.getScriptLock();                             // 20
         lock.tryLock(1000);                                                 // 20
         PropertiesService.getScriptProperties().setProperty('k', 'v');      // 20 + 20
         MailApp.sendEmail('a@x.com', 'S', 'B');                             // 400
         Session.getActiveUser();                                            // 0
         lock.releaseLock();                                                 // 20
         return Date.now() - t0;
       }`,
    );
    expect(gas.run()).toBe(50 + 120 + 100 + 40 + 40 + 400 + 20);
    expect(env.modelledMs()).toBe(770);
    env.endExecution();
    expect(env.modelledMs()).toBe(770);
    gas.run();
    expect(env.modelledMs()).toBe(770);
    expect(env.now().toISOString()).toBe('2025-01-01T00:00:01.540Z');
  });

  it('cuts a run off when its clock passes the limit, like the mail kill, until endExecution()', () => {
    const env = createGasEnvironment({ latency: { perCallMs: 1000, limitMs: 10_000 } });
    const gas = load(
      env,
      `function loop(n) {
         var done = 0;
         var errors = [];
         for (var i = 0; i < n; i++) {
           try { SpreadsheetApp.getActiveSheet().getRange(i + 1, 1).setValue(i); done++; }
           catch (e) { errors.push(e.message); }
         }
         return [done, errors.length, errors[0]];
       }`,
    );
    // 3 calls a row at 1 s: rows 1-3 take 9 s; the 11th call passes the limit.
    expect(gas.loop(20)).toEqual([3, 17, CUT_OFF_MESSAGE]);
    expect(env.state.cutOff).toBe(true);
    expect(env.spreadsheet.sheet('Sheet1').getLastRow()).toBe(3);
    expect(env.modelledMs()).toBe(11_000);
    env.endExecution();
    expect(gas.loop(2)).toEqual([2, 0, undefined]);
    expect(env.modelledMs()).toBe(6_000);

    // Turned off, nothing is charged any more.
    env.endExecution();
    env.setLatency(false);
    expect(gas.loop(20)[0]).toBe(20);
    expect(env.modelledMs()).toBe(0);
  });
});

describe('ScriptApp, LockService, PropertiesService, HtmlService, Utilities', () => {
  it('creates and deletes triggers', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function install() {
         ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).inTimezone('Asia/Ho_Chi_Minh').create();
         ScriptApp.newTrigger('opened').forSpreadsheet(SpreadsheetApp.getActive()).onOpen().create();
         return ScriptApp.getProjectTriggers().length;
       }
       function uninstall(name) {
         ScriptApp.getProjectTriggers().forEach(function (t) {
           if (t.getHandlerFunction() === name) ScriptApp.deleteTrigger(t);
         });
       }`,
    );
    expect(gas.install()).toBe(2);
    expect(env.triggers.map((t) => [t.handler, t.eventType])).toEqual([
      ['daily', 'CLOCK'],
      ['opened', 'ON_OPEN'],
    ]);
    expect(env.triggers[0]?.schedule).toEqual({
      everyDays: 1,
      atHour: 7,
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    gas.uninstall('daily');
    expect(env.triggers.map((t) => t.handler)).toEqual(['opened']);
  });

  it('lets a test hold the lock to simulate a concurrent run', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function guarded() {
         var lock = LockService.getScriptLock();
         if (!lock.tryLock(1000)) return 'busy';
         PropertiesService.getScriptProperties().setProperty('runs', 1);
         lock.releaseLock();
         return 'ran';
       }`,
    );
    env.locks.hold('script');
    expect(gas.guarded()).toBe('busy');
    env.locks.release('script');
    expect(gas.guarded()).toBe('ran');
    expect(env.properties.script.getProperties()).toEqual({ runs: '1' });
  });

  it('evaluates templates and records dialogs and alerts', () => {
    const env = createGasEnvironment();
    env.ui.answerAlerts('NO');
    const gas = load(
      env,
      `function show() {
         var t = HtmlService.createTemplate('<p><?= name ?></p><? for (var i = 0; i < 2; i++) { ?>*<? } ?>');
         t.name = '<b>';
         var ui = SpreadsheetApp.getUi();
         ui.showModalDialog(t.evaluate().setWidth(300), 'Hello');
         return ui.alert('Sure?', 'Really?', ui.ButtonSet.YES_NO) === ui.Button.NO;
       }`,
    );
    expect(gas.show()).toBe(true);
    expect(env.ui.dialogs).toEqual([
      { kind: 'modal', title: 'Hello', html: '<p>&#60;b&#62;</p>**', width: 300, height: null },
    ]);
    expect(env.ui.alerts[0]).toMatchObject({ title: 'Sure?', prompt: 'Really?', response: 'NO' });
  });

  it('formats dates in the requested zone', () => {
    const env = createGasEnvironment({ now: new Date('2024-01-31T20:05:09Z') });
    const gas = load(
      env,
      `function stamp() {
         return Utilities.formatDate(new Date(), Session.getScriptTimeZone(), "EEE dd/MM/yyyy HH:mm:ss 'GMT'Z");
       }`,
    );
    expect(gas.stamp()).toBe('Thu 01/02/2024 03:05:09 GMT+0700');
  });
});

describe('clock', () => {
  it('drives new Date() and Date.now() in the vm, and Dates from the fakes are Dates there', () => {
    const env = createGasEnvironment({ now: new Date('2024-05-01T00:00:00Z') });
    env.spreadsheet.sheet('Sheet1').load([[new Date('2020-01-02T00:00:00Z')]]);
    const gas = load(
      env,
      `function now() { return [new Date().toISOString(), Date.now(), new Date(0).getTime()]; }
       function cell() {
         var v = SpreadsheetApp.getActiveSheet().getRange('A1').getValue();
         return [v instanceof Date, v.getTime()];
       }
       function write() { SpreadsheetApp.getActiveSheet().getRange('B1').setValue(new Date()); }`,
    );
    expect(gas.now()).toEqual(['2024-05-01T00:00:00.000Z', Date.parse('2024-05-01T00:00:00Z'), 0]);
    env.setNow(new Date('2024-06-15T08:30:00Z'));
    expect(gas.now()[0]).toBe('2024-06-15T08:30:00.000Z');
    expect(gas.cell()).toEqual([true, Date.parse('2020-01-02T00:00:00Z')]);
    gas.write();
    expect(env.spreadsheet.sheet('Sheet1').values('B1')).toEqual([
      [new Date('2024-06-15T08:30:00Z')],
    ]);
    expect(new env.Date().getTime()).toBe(Date.parse('2024-06-15T08:30:00Z'));
  });
});
