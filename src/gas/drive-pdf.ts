// The report's PDF and Google Doc, saved in Drive through the Drive advanced service (v3) under
// the `drive.file` scope: the script sees only the files it creates, never the rest of the Drive.
// HTML to PDF is Apps Script's own conversion (Blob.getAs), HTML to a Doc is Drive's import, so
// no export URL and no broader scope are needed.

import type { DriveFile, DriveService } from './advanced-services';

declare const Drive: DriveService;

export const GOOGLE_DOC = 'application/vnd.google-apps.document';

/** A file saved for the user: a PDF or a Google Doc. */
export interface SavedFile {
  url: string;
  /** False when the spreadsheet's folder was out of reach and the file went to My Drive. */
  besideSpreadsheet: boolean;
}

/**
 * The spreadsheet's folder, when `drive.file` lets the script see it (a file the user opened
 * with the script counts); null otherwise.
 */
function folderOf(fileId: string): string[] | null {
  try {
    const parents = Drive.Files.get(fileId, { fields: 'parents', supportsAllDrives: true }).parents;
    return parents && parents.length > 0 ? parents : null;
  } catch {
    return null;
  }
}

/** Creates a file beside the spreadsheet, or in My Drive when its folder is read-only. */
function createBeside(
  spreadsheetId: string,
  resource: { name: string; mimeType: string },
  media: GoogleAppsScript.Base.Blob,
): SavedFile {
  const parents = folderOf(spreadsheetId);
  const create = (into: string[] | null): DriveFile =>
    Drive.Files.create({ ...resource, ...(into ? { parents: into } : {}) }, media, {
      fields: 'id,webViewLink',
      supportsAllDrives: true,
    });
  let file: DriveFile;
  let beside = parents !== null;
  try {
    file = create(parents);
  } catch (e) {
    // A folder shared read-only: the file still gets made, in the user's own Drive.
    if (parents === null) throw e;
    file = create(null);
    beside = false;
  }
  return {
    url: file.webViewLink ?? `https://drive.google.com/file/d/${file.id ?? ''}/view`,
    besideSpreadsheet: beside,
  };
}

export function savePdf(spreadsheetId: string, html: string, name: string): SavedFile {
  const pdf = Utilities.newBlob(html, 'text/html', `${name}.html`)
    .getAs('application/pdf')
    .setName(`${name}.pdf`);
  return createBeside(spreadsheetId, { name: `${name}.pdf`, mimeType: 'application/pdf' }, pdf);
}

/**
 * The report as a Google Doc the office edits and signs: the HTML uploaded with the Google Docs
 * type, which Drive converts on import ("If a file is created with a Google Doc MIME type, the
 * uploaded content will be imported if possible": the `mimeType` field of
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/files; HTML is among the
 * import formats). Still `drive.file`: the script only sees the file it made.
 */
export function saveDoc(spreadsheetId: string, html: string, name: string): SavedFile {
  const page = Utilities.newBlob(html, 'text/html', `${name}.html`);
  return createBeside(spreadsheetId, { name, mimeType: GOOGLE_DOC }, page);
}
