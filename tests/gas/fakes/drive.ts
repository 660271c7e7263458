/**
 * The Drive advanced service (v3): Files.get / create / list for the report's PDF and the units'
 * spreadsheets, and Permissions.create / list / remove to share those spreadsheets.
 *
 * Models the `drive.file` scope: the script sees a file only when it created it for the user it
 * runs as (or that user opened it with the app: drive.openWithApp), never the rest of anyone's
 * Drive (https://developers.google.com/workspace/drive/api/guides/api-specific-auth). The bound
 * spreadsheet is visible to Files.get only when `spreadsheetVisible` says the user opened it with
 * the app. Every file the script creates (a PDF here, a spreadsheet through the Sheets service,
 * which shares this DriveStore: one id space) is owned by the effective user at creation.
 *
 * Responses follow `fields` like the API: without it, files.get/list return the default subset
 * (id, name, mimeType; "Searches for files ... don't return full resources by default, only a
 * subset of commonly used fields", https://developers.google.com/workspace/drive/api/guides/v3versusv2),
 * so a script that forgets `fields: 'files(id,modifiedTime)'` gets no modifiedTime here either.
 */
import { apiError } from './errors';
import { SERVICE } from './record';
import type { FakeBlob } from './services';
import type { GasState } from './state';

/** What Drive imports into each Google type (a part of `about.get`'s `importFormats`). */
const IMPORT_FORMATS: Record<string, string[]> = {
  'application/vnd.google-apps.document': [
    'text/html',
    'text/plain',
    'application/rtf',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
  ],
  'application/vnd.google-apps.spreadsheet': [
    'text/csv',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
};

export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

export interface PermissionRecord {
  /** One id per grantee, the same on every file ("a unique identifier for the grantee"). */
  id: string;
  role: string;
  type: string;
  emailAddress?: string;
  domain?: string;
  /** Whether Drive e-mailed the grantee about it (sendNotificationEmail; fake-only field). */
  notified: boolean;
}

export interface DriveFileRecord {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  /** The uploaded content (empty for a spreadsheet, whose cells live in FakeSheetsService). */
  bytes: Buffer;
  contentType: string | null;
  /** The effective user when the script created it. */
  owner: string;
  /** RFC 3339 UTC, e.g. '2024-03-01T02:00:00.000Z'. */
  createdTime: string;
  modifiedTime: string;
  trashed: boolean;
  permissions: PermissionRecord[];
  /** Users (lower case) for whom drive.file lets the script see the file. */
  appAccess: Set<string>;
}

export interface FakeDriveOptions {
  /** The active spreadsheet's id (a copy gets a new one). */
  spreadsheetId: string;
  spreadsheetFolder: string;
  /** Whether drive.file lets the script see the spreadsheet (and so its folder). */
  spreadsheetVisible: boolean;
  /** Whether the user may add files to the spreadsheet's folder. */
  folderWritable: boolean;
  /** Every create fails (the advanced service off, Drive unavailable). */
  createFails: boolean;
}

const ROLES = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];
const TYPES = ['user', 'group', 'domain', 'anyone'];

/**
 * Drive as the script's files see it: shared by FakeDrive and FakeSheetsService so a spreadsheet
 * created through Sheets is a Drive file (Files.list, Permissions) with the same id.
 */
export class DriveStore {
  readonly files = new Map<string, DriveFileRecord>();
  private count = 0;
  private readonly grantees = new Map<string, string>();

  constructor(readonly state: GasState) {}

  newId(prefix: string): string {
    this.count += 1;
    return `${prefix}-${this.count}`;
  }

  now(): string {
    return this.state.now().toISOString();
  }

  /** A new file owned by the effective user, who alone has it through drive.file. */
  add(
    fields: Pick<DriveFileRecord, 'id' | 'name' | 'mimeType' | 'parents'> &
      Partial<Pick<DriveFileRecord, 'bytes' | 'contentType'>>,
  ): DriveFileRecord {
    const owner = this.state.effectiveUser;
    const now = this.now();
    const record: DriveFileRecord = {
      bytes: Buffer.alloc(0),
      contentType: null,
      ...fields,
      owner,
      createdTime: now,
      modifiedTime: now,
      trashed: false,
      permissions: [
        {
          id: this.permissionId('user', owner),
          role: 'owner',
          type: 'user',
          emailAddress: owner,
          notified: false,
        },
      ],
      appAccess: new Set([this.grant(owner)]),
    };
    this.files.set(record.id, record);
    return record;
  }

  /**
   * Shares (with Google's notification mail) one account may make a day: a consumer account
   * meets "rate limit exceeded" for sharing after some dozens (the figure is Google's and
   * unpublished; tests set it). Null: no limit.
   */
  sharesPerDay: number | null = null;
  /** Addresses whose notification mail Drive fails to send: the share happens, the call fails. */
  readonly unmailable = new Set<string>();
  private readonly shares = new Map<string, number>();

  /** One share by the effective user today (Vietnam's day), or Google's refusal. */
  countShare(method: string, email: string): void {
    const day = new Date(this.state.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const key = `${this.state.effectiveUser.toLowerCase()}|${day}`;
    const used = this.shares.get(key) ?? 0;
    if (this.sharesPerDay !== null && used >= this.sharesPerDay)
      throw apiError(
        method,
        `Rate limit exceeded. User message: "These item(s) could not be shared because a rate limit was exceeded: ${email}" (sharingRateLimitExceeded)`,
      );
    this.shares.set(key, used + 1);
  }

  /** A drive.file grant: the user, through this script project (another project has its own). */
  grant(email: string): string {
    return `${this.state.appId}|${email.toLowerCase()}`;
  }

  /** The stable id of a grantee: 'anyoneWithLink' for anyone (as Drive names it). */
  permissionId(type: string, key: string): string {
    if (type === 'anyone') return 'anyoneWithLink';
    const grantee = `${type === 'domain' ? 'domain' : 'user'}:${key.toLowerCase()}`;
    let id = this.grantees.get(grantee);
    if (!id) {
      id = `perm-${this.grantees.size + 1}`;
      this.grantees.set(grantee, id);
    }
    return id;
  }

  /** The role the effective user holds on the file, or null without access. */
  roleOf(file: DriveFileRecord, email: string = this.state.effectiveUser): string | null {
    const me = email.toLowerCase();
    const domain = me.slice(me.indexOf('@') + 1);
    const rank = (role: string) => ROLES.indexOf(role);
    let best: string | null = null;
    for (const p of file.permissions) {
      const applies =
        p.type === 'anyone' ||
        (p.type === 'domain' && p.domain?.toLowerCase() === domain) ||
        ((p.type === 'user' || p.type === 'group') && p.emailAddress?.toLowerCase() === me);
      if (applies && (best === null || rank(p.role) < rank(best))) best = p.role;
    }
    return best;
  }

  /** The file if drive.file lets the script, running as the effective user, see it. */
  visible(fileId: string): DriveFileRecord | undefined {
    const file = this.files.get(fileId);
    if (!file) return undefined;
    const me = this.state.effectiveUser.toLowerCase();
    return file.appAccess.has(this.grant(me)) && this.roleOf(file) !== null ? file : undefined;
  }

  /**
   * A change to the file: modifiedTime becomes the clock's now, or 1 ms after the previous one
   * when the (frozen) fake clock has not moved since, so every change shows as a later
   * modifiedTime, as it does in Drive, where time never stands still between two edits.
   */
  touch(file: DriveFileRecord): void {
    const now = this.state.now().getTime();
    const previous = Date.parse(file.modifiedTime);
    file.modifiedTime = new Date(now > previous ? now : previous + 1).toISOString();
  }
}

// --- fields: "nextPageToken,files(id,modifiedTime)", "files/id", "*" -------------------------

type Mask = '*' | Map<string, Mask>;

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function mergeMask(target: Map<string, Mask>, key: string, sub: Mask): void {
  const old = target.get(key);
  if (old === undefined) target.set(key, sub);
  else if (old === '*' || sub === '*') target.set(key, '*');
  else for (const [k, v] of sub) mergeMask(old, k, v);
}

/** The partial-response selector of the `fields` parameter (a subset of its grammar). */
export function parseFields(fields: string): Mask {
  const mask = new Map<string, Mask>();
  for (const part of splitTopLevel(fields)) {
    if (part === '*') return '*';
    const open = part.indexOf('(');
    const path = open >= 0 ? part.slice(0, open).trim() : part;
    const sub: Mask = open >= 0 ? parseFields(part.slice(open + 1, part.lastIndexOf(')'))) : '*';
    const keys = path.split('/');
    let target = mask;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        mergeMask(target, key, sub);
        return;
      }
      let next = target.get(key);
      if (next === '*') return;
      if (!next) target.set(key, (next = new Map()));
      target = next;
    });
  }
  return mask;
}

/** The parts of `value` the mask selects (arrays are selected item by item). */
export function selectFields(value: unknown, mask: Mask): unknown {
  if (mask === '*') return value;
  if (Array.isArray(value)) return value.map((item) => selectFields(item, mask));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of mask) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = selectFields(item, sub);
  }
  return out;
}

function select(value: unknown, fields: unknown, defaults: string): Record<string, unknown> {
  const spec = typeof fields === 'string' && fields.trim() !== '' ? fields : defaults;
  return selectFields(value, parseFields(spec)) as Record<string, unknown>;
}

// --- q: "mimeType='…' and trashed=false" ------------------------------------------------------

type FileTest = (file: DriveFileRecord) => boolean;

/** Splits on top-level ` and ` (outside quotes). */
function splitAnd(q: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < q.length; i++) {
    const ch = q.charAt(i);
    if (ch === '\\') i++;
    else if (ch === "'") quoted = !quoted;
    else if (!quoted && /^\sand\s/i.test(q.slice(i, i + 5))) {
      parts.push(q.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(q.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/**
 * The search terms the fake understands (https://developers.google.com/workspace/drive/api/guides/ref-search-terms):
 * `mimeType = '…'`, `mimeType != '…'`, `name = '…'`, `trashed = true|false`, joined by `and`.
 * Any other term is ignored (it matches every file) rather than refused.
 */
function parseQuery(q: string | undefined): FileTest[] {
  if (!q) return [];
  const tests: FileTest[] = [];
  for (const clause of splitAnd(q)) {
    let m = /^(mimeType|name)\s*(!=|=)\s*'((?:[^'\\]|\\.)*)'$/.exec(clause);
    if (m) {
      const [, field = '', op, raw = ''] = m;
      const want = unescape(raw);
      const key = field as 'mimeType' | 'name';
      tests.push(op === '=' ? (f) => f[key] === want : (f) => f[key] !== want);
      continue;
    }
    m = /^trashed\s*=\s*(true|false)$/i.exec(clause);
    if (m) {
      const want = m[1]?.toLowerCase() === 'true';
      tests.push((f) => f.trashed === want);
    }
  }
  return tests;
}

function fileResource(file: DriveFileRecord, effectiveUser: string): Record<string, unknown> {
  const spreadsheet = file.mimeType === SPREADSHEET_MIME;
  return {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: [...file.parents],
    createdTime: file.createdTime,
    modifiedTime: file.modifiedTime,
    trashed: file.trashed,
    owners: [{ emailAddress: file.owner, me: file.owner === effectiveUser }],
    webViewLink: spreadsheet
      ? `https://docs.google.com/spreadsheets/d/${file.id}/edit?usp=drivesdk`
      : `https://drive.google.com/file/d/${file.id}/view`,
  };
}

function permissionResource(p: PermissionRecord): Record<string, unknown> {
  return {
    kind: 'drive#permission',
    id: p.id,
    type: p.type,
    role: p.role,
    ...(p.emailAddress !== undefined ? { emailAddress: p.emailAddress } : {}),
    ...(p.domain !== undefined ? { domain: p.domain } : {}),
  };
}

/** Drive v3's file list page: at most 1000 (https://developers.google.com/workspace/drive/api/reference/rest/v3/files/list). */
const MAX_PAGE = 1000;
const DEFAULT_PAGE = 100;

export class FakeDriveFiles {
  readonly [SERVICE] = 'Drive';
  /** The files made with Files.create (the PDFs), in order. */
  readonly created: DriveFileRecord[] = [];

  constructor(
    readonly options: FakeDriveOptions,
    private readonly store: DriveStore,
  ) {}

  get(fileId: string, optionalArgs?: { fields?: string }): Record<string, unknown> {
    const own = this.store.visible(fileId);
    if (own)
      return select(
        fileResource(own, this.store.state.effectiveUser),
        optionalArgs?.fields,
        'kind,id,name,mimeType',
      );
    if (fileId === this.options.spreadsheetId && this.options.spreadsheetVisible) {
      const file = {
        kind: 'drive#file',
        id: fileId,
        mimeType: SPREADSHEET_MIME,
        parents: [this.options.spreadsheetFolder],
      };
      return select(file, optionalArgs?.fields, 'kind,id,mimeType');
    }
    throw apiError('drive.files.get', `File not found: ${fileId}.`);
  }

  create(
    resource: { name?: string; mimeType?: string; parents?: string[] },
    mediaData: FakeBlob,
    optionalArgs?: { fields?: string },
  ): Record<string, unknown> {
    if (this.options.createFails) throw apiError('drive.files.create', 'Service unavailable.');
    // A Google type is made by importing the upload, and only from the formats Drive imports
    // ("If a file is created with a Google Doc MIME type, the uploaded content will be imported if
    // possible": `mimeType` in https://developers.google.com/workspace/drive/api/reference/rest/v3/files;
    // the formats are those `about.get` lists in `importFormats`).
    const target = resource.mimeType ?? '';
    if (target.startsWith('application/vnd.google-apps.')) {
      const from = mediaData.getContentType() ?? '';
      if (!(IMPORT_FORMATS[target] ?? []).includes(from))
        throw apiError('drive.files.create', `Bad Request: cannot import ${from} as ${target}.`);
    }
    const parents = resource.parents ?? ['my-drive'];
    if (parents.includes(this.options.spreadsheetFolder) && !this.options.folderWritable)
      throw apiError('drive.files.create', 'Insufficient permissions for the specified parent.');
    const record = this.store.add({
      id: this.store.newId('file'),
      name: resource.name ?? 'Untitled',
      mimeType: resource.mimeType ?? mediaData.getContentType() ?? 'application/octet-stream',
      parents,
      bytes: Buffer.from(mediaData.getBytes()),
      contentType: mediaData.getContentType(),
    });
    this.created.push(record);
    return select(
      fileResource(record, this.store.state.effectiveUser),
      optionalArgs?.fields,
      'kind,id,name,mimeType',
    );
  }

  /**
   * files.list over what drive.file shows (the files created for the effective user), trashed
   * ones included unless q says `trashed = false`: "This method returns all files by default,
   * including trashed files" (https://developers.google.com/workspace/drive/api/reference/rest/v3/files/list).
   * pageSize 1 to 1000, default 100; nextPageToken is opaque and absent on the last page.
   * orderBy: createdTime, modifiedTime, name (each optionally `desc`); default creation order.
   */
  list(
    optionalArgs: {
      q?: string;
      fields?: string;
      pageSize?: number;
      pageToken?: string;
      orderBy?: string;
    } = {},
  ): Record<string, unknown> {
    const pageSize = optionalArgs.pageSize ?? DEFAULT_PAGE;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE)
      // Google's range-check wording for pageSize, e.g. quoted in public Drive clients.
      throw apiError(
        'drive.files.list',
        `Invalid value '${String(pageSize)}'. Values must be within the range: [1, ${MAX_PAGE}]`,
      );
    let offset = 0;
    if (optionalArgs.pageToken !== undefined) {
      const decoded = /^offset:(\d+)$/.exec(
        Buffer.from(String(optionalArgs.pageToken), 'base64url').toString('utf8'),
      );
      if (!decoded) throw apiError('drive.files.list', 'Invalid Value');
      offset = Number(decoded[1]);
    }
    const tests = parseQuery(optionalArgs.q);
    const files = [...this.store.files.keys()]
      .map((id) => this.store.visible(id))
      .filter((f): f is DriveFileRecord => f !== undefined && tests.every((t) => t(f)));
    sortFiles(files, optionalArgs.orderBy);
    const page = files.slice(offset, offset + pageSize);
    const next = offset + pageSize < files.length ? offset + pageSize : null;
    const me = this.store.state.effectiveUser;
    const result = {
      kind: 'drive#fileList',
      ...(next !== null
        ? { nextPageToken: Buffer.from(`offset:${next}`, 'utf8').toString('base64url') }
        : {}),
      incompleteSearch: false,
      files: page.map((f) => fileResource(f, me)),
    };
    return select(
      result,
      optionalArgs.fields,
      'kind,nextPageToken,incompleteSearch,files(kind,id,name,mimeType)',
    );
  }
}

function sortFiles(files: DriveFileRecord[], orderBy: string | undefined): void {
  if (!orderBy) return;
  const keys = orderBy
    .split(',')
    .map((k) => k.trim().split(/\s+/))
    .filter(([key]) => key === 'createdTime' || key === 'modifiedTime' || key === 'name')
    .map(([key, dir]) => ({
      key: key as 'createdTime' | 'modifiedTime' | 'name',
      desc: dir === 'desc',
    }));
  files.sort((a, b) => {
    for (const { key, desc } of keys) {
      const c = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  });
}

/**
 * Permissions of the script's files. The advanced service names permissions.delete `remove`
 * (@types/google-apps-script apis/drive_v3.d.ts: `remove(fileId: string, permissionId: string)`);
 * its errors still name the REST method, drive.permissions.delete.
 */
export class FakeDrivePermissions {
  readonly [SERVICE] = 'Drive';

  constructor(private readonly store: DriveStore) {}

  /**
   * A grantee has one permission per file (the permission id is the grantee's id, the same on
   * every file: "This is a unique identifier for the grantee", Permission.id in the v3
   * reference), so creating one for an address that already has one returns that one, its
   * role changed to the requested one (an owner's stays owner). The fake's choice where the
   * reference is silent: no duplicate, no error.
   */
  create(
    resource: {
      role?: string;
      type?: string;
      emailAddress?: string;
      domain?: string;
    },
    fileId: string,
    optionalArgs: {
      sendNotificationEmail?: boolean;
      transferOwnership?: boolean;
      fields?: string;
    } = {},
  ): Record<string, unknown> {
    const method = 'drive.permissions.create';
    const file = this.writable(fileId, method);
    const role = resource?.role ?? '';
    const type = resource?.type ?? '';
    // The wording of these four refusals is the fake's own (Drive answers 400 badRequest).
    if (!ROLES.includes(role)) throw apiError(method, 'The permission role field is required.');
    if (!TYPES.includes(type)) throw apiError(method, 'The permission type field is required.');
    const email = resource.emailAddress?.trim().toLowerCase();
    const domain = resource.domain?.trim().toLowerCase();
    if ((type === 'user' || type === 'group') && !email)
      throw apiError(method, 'The permission emailAddress field is required.');
    if (type === 'domain' && !domain)
      throw apiError(method, 'The permission domain field is required.');
    // Wording from squarespace/datasheets#18 ("The transferOwnership parameter must be enabled
    // when the permission role is 'owner'.").
    if (role === 'owner' && !optionalArgs.transferOwnership)
      throw apiError(
        method,
        "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
      );
    const id = this.store.permissionId(type, email ?? domain ?? '');
    let permission = file.permissions.find((p) => p.id === id);
    const notifyWanted =
      (type === 'user' || type === 'group') && optionalArgs.sendNotificationEmail !== false;
    // Each new grantee notified counts against the account's sharing quota for the day.
    if (!permission && notifyWanted) this.store.countShare(method, email ?? '');
    if (role === 'owner') {
      for (const p of file.permissions) if (p.role === 'owner') p.role = 'writer';
    }
    const notify =
      (type === 'user' || type === 'group') && optionalArgs.sendNotificationEmail !== false;
    if (permission) {
      if (permission.role !== 'owner' || role === 'owner') permission.role = role;
      permission.notified ||= notify;
    } else {
      permission = {
        id,
        role,
        type,
        ...(email ? { emailAddress: email } : {}),
        ...(type === 'domain' && domain ? { domain } : {}),
        notified: notify,
      };
      file.permissions.push(permission);
    }
    if (role === 'owner' && email) file.owner = email;
    // The share is made; only Google's mail to the grantee failed
    // (https://developers.google.com/drive/api/guides/handle-errors, invalidSharingRequest).
    if (notify && email && this.store.unmailable.has(email))
      throw apiError(
        method,
        `Bad Request. User message: "Sorry, the items were successfully shared but emails could not be sent to ${email}." (invalidSharingRequest)`,
      );
    return select(permissionResource(permission), optionalArgs.fields, '*');
  }

  /**
   * The file's permissions, its owner's first. Without `fields` the fake returns every field
   * it models (kind, id, type, role, emailAddress, domain); pass `fields` as the product does.
   */
  list(fileId: string, optionalArgs: { fields?: string } = {}): Record<string, unknown> {
    const file = this.writable(fileId, 'drive.permissions.list');
    const sorted = [...file.permissions].sort(
      (a, b) => Number(b.role === 'owner') - Number(a.role === 'owner'),
    );
    return select(
      { kind: 'drive#permissionList', permissions: sorted.map(permissionResource) },
      optionalArgs.fields,
      '*',
    );
  }

  remove(fileId: string, permissionId: string, _optionalArgs?: Record<string, unknown>): void {
    const method = 'drive.permissions.delete';
    const file = this.writable(fileId, method);
    const at = file.permissions.findIndex((p) => p.id === permissionId);
    if (at < 0) throw apiError(method, `Permission not found: ${permissionId}.`);
    // Drive's 403 reason cannotDeletePermission, "The authenticated user cannot delete the
    // permission." (as GAM 7.39.01's release notes quote it): a file keeps its owner.
    if (file.permissions[at]?.role === 'owner')
      throw apiError(method, 'The authenticated user cannot delete the permission.');
    file.permissions.splice(at, 1);
  }

  /**
   * The file, when the script sees it and the effective user may share it (owner or writer).
   * "File not found" is what drive.file answers for anyone else's file; a reader gets
   * "The user does not have sufficient permissions for this file." (tidyverse/googledrive#298).
   */
  private writable(fileId: string, method: string): DriveFileRecord {
    const file = this.store.visible(fileId);
    if (!file) throw apiError(method, `File not found: ${fileId}.`);
    const role = this.store.roleOf(file);
    if (role !== 'owner' && role !== 'writer')
      throw apiError(method, 'The user does not have sufficient permissions for this file.');
    return file;
  }
}

export class FakeDrive {
  readonly [SERVICE] = 'Drive';
  readonly Files: FakeDriveFiles;
  readonly Permissions: FakeDrivePermissions;

  constructor(
    options: FakeDriveOptions,
    readonly store: DriveStore,
  ) {
    this.Files = new FakeDriveFiles(options, store);
    this.Permissions = new FakeDrivePermissions(store);
  }

  // Test helpers (the bundle has no reason to call them).

  /** The live record of a file the script created (PDF or spreadsheet), or undefined. */
  file(id: string): DriveFileRecord | undefined {
    return this.store.files.get(id);
  }

  /** Copies of a file's permissions, with `notified` (whether Drive e-mailed the grantee). */
  permissionsOf(id: string): PermissionRecord[] {
    return this.required(id).permissions.map((p) => ({ ...p }));
  }

  /** Moves a file to the trash (or back, with false), as its owner would in Drive. */
  trash(id: string, trashed = true): void {
    this.required(id).trashed = trashed;
  }

  /** `email` opens the file with the app (Picker, "Open with"): drive.file then shows it to them. */
  openWithApp(id: string, email: string): void {
    this.required(id).appAccess.add(this.store.grant(email));
  }

  private required(id: string): DriveFileRecord {
    const file = this.store.files.get(id);
    if (!file) throw new Error(`FakeDrive: no file ${id}`);
    return file;
  }
}
