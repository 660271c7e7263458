/**
 * Self-tests for the Apps Script fakes (protections, enforced for the effective user): they must behave like the real services where
 * the bundle depends on it, and record calls faithfully. Scripts here are inline strings run in
 * the vm context, so these tests do not need dist/Code.js.
 */
import { createGasEnvironment, type GasEnvironment, PROTECTED_MESSAGE } from '../fakes';
import { load } from './load';

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
