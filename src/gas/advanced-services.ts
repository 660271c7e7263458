// The parts of the Drive (v3) and Sheets (v4) advanced services ptdv calls, typed once; both are
// enabled in appsscript.json. Under `drive.file` the script reaches only the files it created
// (https://developers.google.com/workspace/drive/api/guides/api-specific-auth).
import type { Cell } from '../workbook/port';

export interface DriveFile {
  id?: string;
  name?: string;
  mimeType?: string;
  parents?: string[];
  webViewLink?: string;
}

export interface Permission {
  id?: string;
  role?: string;
  type?: string;
  emailAddress?: string;
}

export interface DriveService {
  Files: {
    get(fileId: string, optionalArgs: Record<string, unknown>): DriveFile;
    create(
      resource: DriveFile,
      mediaData: GoogleAppsScript.Base.Blob,
      optionalArgs: Record<string, unknown>,
    ): DriveFile;
    list(optionalArgs: Record<string, unknown>): {
      files?: { id?: string; modifiedTime?: string }[];
      nextPageToken?: string;
    };
  };
  Permissions: {
    list(fileId: string, optionalArgs?: Record<string, unknown>): { permissions?: Permission[] };
    create(
      resource: Permission,
      fileId: string,
      optionalArgs?: Record<string, unknown>,
    ): Permission;
    remove(fileId: string, permissionId: string): void;
  };
}

export interface SheetsService {
  Spreadsheets: {
    create(resource: Record<string, unknown>): { spreadsheetId?: string; spreadsheetUrl?: string };
    batchUpdate(resource: { requests: object[] }, spreadsheetId: string): unknown;
    Values: {
      get(
        spreadsheetId: string,
        range: string,
        optionalArgs?: Record<string, unknown>,
      ): { values?: Cell[][] };
      update(
        resource: { values: (string | number)[][] },
        spreadsheetId: string,
        range: string,
        optionalArgs: { valueInputOption: 'RAW' | 'USER_ENTERED' },
      ): unknown;
    };
  };
}
