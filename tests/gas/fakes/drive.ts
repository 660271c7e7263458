/**
 * The Drive advanced service (v3), as much as the report's PDF uses: Files.get for a file's
 * parents and Files.create with a blob. Models `drive.file`: the script sees the files it created,
 * and the bound spreadsheet only when `spreadsheetVisible` says the user opened it with the app.
 */
import { gasError } from './errors';
import { SERVICE } from './record';
import type { FakeBlob } from './services';

export interface DriveFileRecord {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  bytes: Buffer;
  contentType: string | null;
}

export interface FakeDriveOptions {
  spreadsheetId: string;
  spreadsheetFolder: string;
  /** Whether drive.file lets the script see the spreadsheet (and so its folder). */
  spreadsheetVisible: boolean;
  /** Whether the user may add files to the spreadsheet's folder. */
  folderWritable: boolean;
  /** Every create fails (the advanced service off, Drive unavailable). */
  createFails: boolean;
}

export class FakeDriveFiles {
  readonly [SERVICE] = 'Drive';
  readonly created: DriveFileRecord[] = [];

  constructor(readonly options: FakeDriveOptions) {}

  get(fileId: string, optionalArgs?: { fields?: string }): Record<string, unknown> {
    const own = this.created.find((f) => f.id === fileId);
    if (own) return { id: own.id, name: own.name, parents: [...own.parents] };
    if (fileId === this.options.spreadsheetId && this.options.spreadsheetVisible) {
      const file: Record<string, unknown> = { id: fileId };
      if (optionalArgs?.fields?.includes('parents'))
        file.parents = [this.options.spreadsheetFolder];
      return file;
    }
    throw gasError(`API call to drive.files.get failed with error: File not found: ${fileId}.`);
  }

  create(
    resource: { name?: string; mimeType?: string; parents?: string[] },
    mediaData: FakeBlob,
    _optionalArgs?: Record<string, unknown>,
  ): Record<string, unknown> {
    if (this.options.createFails)
      throw gasError('API call to drive.files.create failed with error: Service unavailable.');
    const parents = resource.parents ?? ['my-drive'];
    if (parents.includes(this.options.spreadsheetFolder) && !this.options.folderWritable)
      throw gasError(
        'API call to drive.files.create failed with error: Insufficient permissions for the specified parent.',
      );
    const id = `file-${this.created.length + 1}`;
    this.created.push({
      id,
      name: resource.name ?? 'Untitled',
      mimeType: resource.mimeType ?? mediaData.getContentType() ?? 'application/octet-stream',
      parents,
      bytes: Buffer.from(mediaData.getBytes()),
      contentType: mediaData.getContentType(),
    });
    return { id, webViewLink: `https://drive.google.com/file/d/${id}/view` };
  }
}

export class FakeDrive {
  readonly [SERVICE] = 'Drive';
  readonly Files: FakeDriveFiles;
  constructor(options: FakeDriveOptions) {
    this.Files = new FakeDriveFiles(options);
  }
}
