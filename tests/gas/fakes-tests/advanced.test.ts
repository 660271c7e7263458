/**
 * Self-tests for the Apps Script fakes (the Drive v3 and Sheets v4 advanced services under drive.file): they must behave like the real services where
 * the bundle depends on it, and record calls faithfully. Scripts here are inline strings run in
 * the vm context, so these tests do not need dist/Code.js.
 */
import { createGasEnvironment, type GasEnvironment } from '../fakes';
import { load } from './load';

describe('Drive v3 and Sheets v4 advanced services under drive.file', () => {
  const NOW = new Date('2024-03-01T02:00:00Z');
  const SHEET = 'Danh sách';
  const LIST_SPREADSHEETS = {
    q: "mimeType='application/vnd.google-apps.spreadsheet' and trashed=false",
    fields: 'nextPageToken,files(id,modifiedTime)',
    pageSize: 1000,
  };

  /** The unit-file calls as the product makes them, inline in the vm. */
  function unitScripts(env: GasEnvironment) {
    return load(
      env,
      `function createUnitFile(title) {
         return Sheets.Spreadsheets.create({
           properties: { title: title, locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
           sheets: [{
             properties: {
               sheetId: 0,
               title: 'Danh sách',
               gridProperties: { rowCount: 201, columnCount: 14, frozenRowCount: 1 },
             },
             data: [{
               startRow: 0,
               startColumn: 0,
               rowData: [{ values: ['Họ và tên', 'Tuổi', 'Ngày sinh', 'Đoàn viên', 'Điểm'].map(function (h) {
                 return { userEnteredValue: { stringValue: h }, userEnteredFormat: { textFormat: { bold: true } } };
               }) }],
             }],
           }],
         });
       }
       function listFiles(args) { return Drive.Files.list(args); }
       function getFile(id, args) { return Drive.Files.get(id, args); }
       function values(id, range, args) { return Sheets.Spreadsheets.Values.get(id, range, args); }
       function update(id, requests) { return Sheets.Spreadsheets.batchUpdate({ requests: requests }, id); }
       function share(id, email, args) {
         return Drive.Permissions.create({ role: 'writer', type: 'user', emailAddress: email }, id, args);
       }
       function shareAnyone(id) { return Drive.Permissions.create({ role: 'reader', type: 'anyone' }, id); }
       function permissions(id, args) { return Drive.Permissions.list(id, args); }
       function unshare(id, permissionId) { return Drive.Permissions.remove(id, permissionId); }
       function attempt(fn) {
         try { fn(); return 'no error'; } catch (e) { return [e instanceof Error, String(e)]; }
       }
       function failures(id) {
         return [
           attempt(function () { Sheets.Spreadsheets.Values.get(id, "'Danh sách'"); }),
           attempt(function () { Sheets.Spreadsheets.batchUpdate({ requests: [{ updateSheetProperties: {} }] }, id); }),
           attempt(function () { Drive.Permissions.create({ role: 'writer', type: 'user', emailAddress: 'a@x.vn' }, id); }),
           attempt(function () { Drive.Permissions.list(id); }),
           attempt(function () { Drive.Permissions.remove(id, 'perm-1'); }),
           attempt(function () { Drive.Files.get(id, { fields: 'id' }); }),
         ];
       }
       function makePdf() {
         var blob = Utilities.newBlob('<p>x</p>', 'text/html', 'r.html').getAs('application/pdf');
         return Drive.Files.create({ name: 'r.pdf', mimeType: 'application/pdf' }, blob, { fields: 'id' });
       }`,
    );
  }

  /** A date typed into a cell: midnight in Vietnam. */
  const typed = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

  it('creates a spreadsheet that is a Drive file owned by the effective user, listed with its modifiedTime', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const created = gas.createUnitFile('Chi bộ 1');
    const id: string = created.spreadsheetId;
    expect(created).toEqual({
      spreadsheetId: id,
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
      properties: { title: 'Chi bộ 1', locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
      sheets: [
        {
          properties: {
            sheetId: 0,
            title: SHEET,
            index: 0,
            sheetType: 'GRID',
            gridProperties: { rowCount: 201, columnCount: 14, frozenRowCount: 1 },
          },
        },
      ],
    });
    expect(env.sheetsApi.spreadsheetIds()).toEqual([id]);
    expect(env.sheetsApi.valuesOf(id, SHEET)).toEqual([
      ['Họ và tên', 'Tuổi', 'Ngày sinh', 'Đoàn viên', 'Điểm'],
    ]);
    expect(env.drive.file(id)).toMatchObject({
      name: 'Chi bộ 1',
      mimeType: 'application/vnd.google-apps.spreadsheet',
      owner: 'owner@example.com',
      createdTime: '2024-03-01T02:00:00.000Z',
      modifiedTime: '2024-03-01T02:00:00.000Z',
      trashed: false,
    });

    // A PDF made through Files.create shares the id space, and not the spreadsheet filter.
    const pdf = gas.makePdf();
    expect(pdf).toEqual({ id: expect.any(String) });
    expect(pdf.id).not.toBe(id);
    expect(gas.listFiles(LIST_SPREADSHEETS)).toEqual({
      files: [{ id, modifiedTime: '2024-03-01T02:00:00.000Z' }],
    });
    // Without `fields` Drive returns its default subset: no modifiedTime.
    expect(gas.listFiles({})).toEqual({
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: [
        {
          kind: 'drive#file',
          id,
          name: 'Chi bộ 1',
          mimeType: 'application/vnd.google-apps.spreadsheet',
        },
        { kind: 'drive#file', id: pdf.id, name: 'r.pdf', mimeType: 'application/pdf' },
      ],
    });
    expect(gas.getFile(id, { fields: 'id,name,mimeType,modifiedTime' })).toEqual({
      id,
      name: 'Chi bộ 1',
      mimeType: 'application/vnd.google-apps.spreadsheet',
      modifiedTime: '2024-03-01T02:00:00.000Z',
    });
    expect(env.drive.file(pdf.id)?.owner).toBe('owner@example.com');
    // Unknown q terms are ignored, not refused.
    expect(
      gas.listFiles({ q: "name contains 'Chi' and trashed = false", fields: 'files(id)' }),
    ).toEqual({ files: [{ id }, { id: pdf.id }] });
  });

  it('renders values.get as the API does: formatted, unformatted with serial or formatted dates, formulas', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId;
    env.sheetsApi.typeInto(id, SHEET, [
      ['An', 20, typed('2004-02-14'), true, 1.5],
      // A Date made in the bundle's realm is a date too (17:00 UTC is midnight in Vietnam).
      ['Bình', '', new env.Date('2005-12-31T17:00:00Z'), false, '=B2*2'],
    ]);

    expect(gas.values(id, `'${SHEET}'`)).toEqual({
      range: `'${SHEET}'!A1:N201`,
      majorDimension: 'ROWS',
      values: [
        ['Họ và tên', 'Tuổi', 'Ngày sinh', 'Đoàn viên', 'Điểm'],
        ['An', '20', '14/02/2004', 'TRUE', '1,5'],
        ['Bình', '', '01/01/2006', 'FALSE', ''],
      ],
    });
    const serial = gas.values(id, `'${SHEET}'!A2:E3`, {
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    // 14/02/2004 is day 38031 after 30/12/1899; 01/01/2006 day 38718 (the Vietnam calendar day).
    expect(serial).toEqual({
      range: `'${SHEET}'!A2:E3`,
      majorDimension: 'ROWS',
      values: [
        ['An', 20, 38031, true, 1.5],
        ['Bình', '', 38718, false, ''],
      ],
    });
    // SERIAL_NUMBER is the default dateTimeRenderOption.
    expect(
      gas.values(id, `'${SHEET}'!C2`, { valueRenderOption: 'UNFORMATTED_VALUE' }).values,
    ).toEqual([[38031]]);
    expect(
      gas.values(id, `'${SHEET}'!A2:E2`, {
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'FORMATTED_STRING',
      }).values,
    ).toEqual([['An', 20, '14/02/2004', true, 1.5]]);
    expect(gas.values(id, `'${SHEET}'!A3:E3`, { valueRenderOption: 'FORMULA' }).values).toEqual([
      ['Bình', '', 38718, false, '=B2*2'],
    ]);
    expect(env.sheetsApi.valuesOf(id, SHEET)[2]).toEqual([
      'Bình',
      '',
      new Date('2005-12-31T17:00:00Z'),
      false,
      '=B2*2',
    ]);
  });

  it('omits trailing empty cells and rows, keeps blank rows inside, and leaves out values when empty', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId;
    env.sheetsApi.typeInto(id, SHEET, [
      ['An', '', '', ''],
      ['', '', '', ''],
      ['', 'x', '', null],
      ['', '', '', ''],
    ]);
    expect(gas.values(id, `'${SHEET}'!A2:N`)).toEqual({
      range: `'${SHEET}'!A2:N201`,
      majorDimension: 'ROWS',
      values: [['An'], [], ['', 'x']],
    });
    expect(gas.values(id, `'${SHEET}'!A2:N`, { majorDimension: 'COLUMNS' }).values).toEqual([
      ['An'],
      ['', '', 'x'],
    ]);
    expect(gas.values(id, `'${SHEET}'!F1:N201`)).toEqual({
      range: `'${SHEET}'!F1:N201`,
      majorDimension: 'ROWS',
    });
    expect(gas.attempt(() => gas.values(id, `'${SHEET}'!A1:A300`))).toEqual([
      true,
      `GoogleJsonResponseException: API call to sheets.spreadsheets.values.get failed with error: Range ('${SHEET}'!A1:A300) exceeds grid limits. Max rows: 201, max columns: 14`,
    ]);
    expect(gas.attempt(() => gas.values(id, "'Không có'!A1"))).toEqual([
      true,
      "GoogleJsonResponseException: API call to sheets.spreadsheets.values.get failed with error: Unable to parse range: 'Không có'!A1",
    ]);
  });

  it('refuses ids the script did not create, the bound spreadsheet included, and files of another user', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const sheetsError = (method: string) =>
      `GoogleJsonResponseException: API call to sheets.spreadsheets.${method} failed with error: Requested entity was not found.`;
    const driveError = (method: string, id: string) =>
      `GoogleJsonResponseException: API call to drive.${method} failed with error: File not found: ${id}.`;
    for (const id of ['fake-spreadsheet-id', 'someone-elses-file']) {
      const fileGet =
        id === 'fake-spreadsheet-id' ? 'no error' : [true, driveError('files.get', id)];
      expect(gas.failures(id)).toEqual([
        [true, sheetsError('values.get')],
        [true, sheetsError('batchUpdate')],
        [true, driveError('permissions.create', id)],
        [true, driveError('permissions.list', id)],
        [true, driveError('permissions.delete', id)],
        fileGet,
      ]);
    }

    // drive.file is per user: an officer running the script does not see the owner's files,
    // even once shared with them, until they open the file with the app.
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId;
    gas.share(id, 'officer@example.com', { sendNotificationEmail: false });
    env.actAs('officer@example.com');
    expect(gas.listFiles(LIST_SPREADSHEETS)).toEqual({ files: [] });
    expect(gas.failures(id)[0]).toEqual([true, sheetsError('values.get')]);
    env.drive.openWithApp(id, 'officer@example.com');
    expect(gas.listFiles(LIST_SPREADSHEETS).files).toEqual([
      { id, modifiedTime: expect.any(String) },
    ]);
    expect(gas.values(id, `'${SHEET}'!A1`).values).toEqual([['Họ và tên']]);
  });

  it('shares with Permissions.create / list / remove, one permission per grantee, the owner kept', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId;
    const FIELDS = { fields: 'permissions(id,role,type,emailAddress)' };
    const owner = gas.permissions(id, FIELDS).permissions[0];
    expect(owner).toEqual({
      id: expect.any(String),
      role: 'owner',
      type: 'user',
      emailAddress: 'owner@example.com',
    });

    const officer = gas.share(id, 'Officer@Example.com', { sendNotificationEmail: true });
    expect(officer).toEqual({
      kind: 'drive#permission',
      id: expect.any(String),
      type: 'user',
      role: 'writer',
      emailAddress: 'officer@example.com',
    });
    // The same address again: the same permission, not a second one.
    expect(gas.share(id, 'officer@example.com', { fields: 'id,role' })).toEqual({
      id: officer.id,
      role: 'writer',
    });
    const link = gas.shareAnyone(id);
    expect(link.id).toBe('anyoneWithLink');
    expect(gas.permissions(id, FIELDS).permissions).toEqual([
      owner,
      { id: officer.id, role: 'writer', type: 'user', emailAddress: 'officer@example.com' },
      { id: 'anyoneWithLink', role: 'reader', type: 'anyone' },
    ]);
    expect(env.drive.permissionsOf(id).map((p) => [p.role, p.notified])).toEqual([
      ['owner', false],
      ['writer', true],
      ['reader', false],
    ]);

    expect(gas.unshare(id, 'anyoneWithLink')).toBeUndefined();
    expect(gas.attempt(() => gas.unshare(id, owner.id))).toEqual([
      true,
      'GoogleJsonResponseException: API call to drive.permissions.delete failed with error: The authenticated user cannot delete the permission.',
    ]);
    expect(gas.attempt(() => gas.unshare(id, 'anyoneWithLink'))).toEqual([
      true,
      'GoogleJsonResponseException: API call to drive.permissions.delete failed with error: Permission not found: anyoneWithLink.',
    ]);
    expect(env.drive.permissionsOf(id).map((p) => p.emailAddress)).toEqual([
      'owner@example.com',
      'officer@example.com',
    ]);
    // The grantee's id is the same on every file.
    const other: string = gas.createUnitFile('Chi bộ 2').spreadsheetId;
    expect(gas.share(other, 'officer@example.com', { sendNotificationEmail: false }).id).toBe(
      officer.id,
    );
  });

  it('pages Files.list with an opaque token, pageSize 1 to 1000, trashed files only when asked', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push(gas.createUnitFile(`Chi bộ ${i}`).spreadsheetId);
    const seen: string[] = [];
    const tokens: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = gas.listFiles({
        ...LIST_SPREADSHEETS,
        pageSize: 2,
        ...(pageToken ? { pageToken } : {}),
      });
      seen.push(...page.files.map((f: { id: string }) => f.id));
      pageToken = page.nextPageToken;
      if (pageToken) tokens.push(pageToken);
    } while (pageToken);
    expect(seen).toEqual(ids);
    expect(tokens).toHaveLength(2);
    expect(tokens.every((t) => !/^\d+$/.test(t))).toBe(true);

    expect(gas.attempt(() => gas.listFiles({ pageSize: 1001 }))).toEqual([
      true,
      "GoogleJsonResponseException: API call to drive.files.list failed with error: Invalid value '1001'. Values must be within the range: [1, 1000]",
    ]);
    expect(gas.listFiles({ fields: 'files(id)' }).files).toHaveLength(5);

    env.drive.trash(ids[1] as string);
    expect(gas.listFiles(LIST_SPREADSHEETS).files.map((f: { id: string }) => f.id)).toEqual([
      ids[0],
      ids[2],
      ids[3],
      ids[4],
    ]);
    // files.list returns trashed files unless asked not to.
    expect(gas.listFiles({ fields: 'files(id,trashed)' }).files).toContainEqual({
      id: ids[1],
      trashed: true,
    });
    expect(gas.listFiles({ q: 'trashed = true', fields: 'files(id)' }).files).toEqual([
      { id: ids[1] },
    ]);
    expect(
      gas
        .listFiles({ orderBy: 'name desc', fields: 'files(name)', pageSize: 2 })
        .files.map((f: { name: string }) => f.name),
    ).toEqual(['Chi bộ 5', 'Chi bộ 4']);
  });

  it('moves modifiedTime when an officer types or the script updates; batchUpdate is all or nothing', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId;
    const modified = () => gas.listFiles(LIST_SPREADSHEETS).files[0].modifiedTime;
    expect(modified()).toBe('2024-03-01T02:00:00.000Z');

    env.advanceTime(3_600_000);
    env.sheetsApi.typeInto(id, SHEET, [['An', 20]]);
    expect(modified()).toBe('2024-03-01T03:00:00.000Z');
    expect(env.drive.file(id)?.modifiedTime).toBe('2024-03-01T03:00:00.000Z');
    // Another change while the fake clock stands still still shows as a later modifiedTime.
    env.sheetsApi.typeInto(id, SHEET, [['Bình']], 3);
    expect(modified()).toBe('2024-03-01T03:00:00.001Z');

    const range = {
      sheetId: 0,
      startRowIndex: 1,
      endRowIndex: 201,
      startColumnIndex: 2,
      endColumnIndex: 3,
    };
    const requests = [
      {
        repeatCell: {
          range,
          cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/mm/yyyy' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
      {
        setDataValidation: { range, rule: { condition: { type: 'DATE_IS_VALID' }, strict: false } },
      },
      {
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { frozenRowCount: 2 } },
          fields: 'gridProperties.frozenRowCount',
        },
      },
    ];
    env.advanceTime(60_000);
    expect(gas.update(id, requests)).toEqual({ spreadsheetId: id, replies: [{}, {}, {}] });
    expect(modified()).toBe('2024-03-01T03:01:00.000Z');
    expect(env.sheetsApi.requestsOf(id)).toEqual(requests);
    expect(env.sheetsApi.validationsOf(id, SHEET)).toEqual([
      { range, rule: { condition: { type: 'DATE_IS_VALID' }, strict: false } },
    ]);
    expect(env.sheetsApi.spreadsheet(id).sheets[0]?.frozenRowCount).toBe(2);

    env.advanceTime(60_000);
    expect(
      gas.attempt(() =>
        gas.update(id, [requests[1], { setDataValidation: { range: { ...range, sheetId: 7 } } }]),
      ),
    ).toEqual([
      true,
      'GoogleJsonResponseException: API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].setDataValidation: No grid with id: 7',
    ]);
    expect(env.sheetsApi.requestsOf(id)).toHaveLength(3);
    expect(env.sheetsApi.validationsOf(id, SHEET)).toHaveLength(1);
    expect(modified()).toBe('2024-03-01T03:01:00.000Z');
  });

  it('records Drive and Sheets calls under their services and charges them in the latency model', () => {
    const env = createGasEnvironment({ now: NOW, latency: true });
    const gas = unitScripts(env);
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId; // Sheets 1
    gas.values(id, `'${SHEET}'`); // Sheets 2
    gas.listFiles(LIST_SPREADSHEETS); // Drive 1
    gas.permissions(id); // Drive 2
    expect(env.countCalls('Sheets')).toBe(2);
    expect(env.countCalls('Drive')).toBe(2);
    expect(env.calls.map((c) => `${c.service}.${c.method}`)).toEqual([
      'Sheets.create',
      'Sheets.get',
      'Drive.list',
      'Drive.list',
    ]);
    expect(env.modelledMs()).toBe(4 * 150);
    env.endExecution();
    env.setLatency({ perApiMs: 10 });
    gas.values(id, `'${SHEET}'`);
    expect(env.modelledMs()).toBe(10);
  });

  it('refuses a 61st read in a minute for one user, as the per-user quota does, and not after it', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const id = String(gas.createUnitFile('Tệp').spreadsheetId);
    for (let i = 0; i < 60; i++) gas.values(id, `'${SHEET}'`);
    const refused = gas.attempt(() => gas.values(id, `'${SHEET}'`));
    expect(String(refused)).toMatch(/Quota exceeded .*Read requests per minute per user/);
    // Another user has a quota of their own; and a minute later the first may read again.
    env.actAs('khac@example.com');
    expect(() => env.sheetsApi.countRead('sheets.spreadsheets.values.get')).not.toThrow();
    env.actAs(env.spreadsheet.getOwner().getEmail());
    env.setNow(new Date(NOW.getTime() + 60_000));
    expect(() => gas.values(id, `'${SHEET}'`)).not.toThrow();
  });
  it('a copy of the spreadsheet is a new script project: the files the old one made are gone from its view', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId;
    load(
      env,
      "function later() { ScriptApp.newTrigger('x').timeBased().everyDays(1).atHour(7).create(); }",
    ).later();
    env.properties.document.setProperty('k', 'v');
    const before = env.spreadsheet.getId();
    env.actAs('clerk@example.com');
    env.makeCopy({ properties: 'kept' });
    expect(env.spreadsheet.getId()).not.toBe(before);
    expect(env.spreadsheet.getUrl()).toContain(env.spreadsheet.getId());
    expect(env.triggers).toHaveLength(0);
    expect(env.properties.document.getProperty('k')).toBe('v');
    // Even the user who made the file reaches it no more through this project.
    env.actAs('owner@example.com');
    expect(gas.failures(id).every((f: unknown) => Array.isArray(f))).toBe(true);
    expect(gas.listFiles(LIST_SPREADSHEETS).files).toEqual([]);
    env.makeCopy({ properties: 'dropped' });
    expect(env.properties.document.getProperties()).toEqual({});
  });
});
