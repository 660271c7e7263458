// The report's PDF, saved in Drive through the Drive advanced service (v3) under the
// `drive.file` scope: the script sees only the files it creates, never the rest of the Drive.
// HTML to PDF is Apps Script's own conversion (Blob.getAs), so no export URL and no broader
// scope are needed.

interface DriveFile {
  id?: string;
  name?: string;
  mimeType?: string;
  parents?: string[];
  webViewLink?: string;
}

/** The part of the Drive advanced service (v3) used here; enabled in appsscript.json. */
interface DriveService {
  Files: {
    get(fileId: string, optionalArgs: Record<string, unknown>): DriveFile;
    create(
      resource: DriveFile,
      mediaData: GoogleAppsScript.Base.Blob,
      optionalArgs: Record<string, unknown>,
    ): DriveFile;
  };
}

declare const Drive: DriveService;

export interface SavedPdf {
  url: string;
  /** False when the spreadsheet's folder was out of reach and the PDF went to My Drive. */
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

export function savePdf(spreadsheetId: string, html: string, name: string): SavedPdf {
  const pdf = Utilities.newBlob(html, 'text/html', `${name}.html`)
    .getAs('application/pdf')
    .setName(`${name}.pdf`);
  const parents = folderOf(spreadsheetId);
  const create = (into: string[] | null): DriveFile =>
    Drive.Files.create(
      { name: `${name}.pdf`, mimeType: 'application/pdf', ...(into ? { parents: into } : {}) },
      pdf,
      { fields: 'id,webViewLink', supportsAllDrives: true },
    );
  let file: DriveFile;
  let beside = parents !== null;
  try {
    file = create(parents);
  } catch (e) {
    // A folder shared read-only: the PDF still gets made, in the user's own Drive.
    if (parents === null) throw e;
    file = create(null);
    beside = false;
  }
  return {
    url: file.webViewLink ?? `https://drive.google.com/file/d/${file.id ?? ''}/view`,
    besideSpreadsheet: beside,
  };
}
