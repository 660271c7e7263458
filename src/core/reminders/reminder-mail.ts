// The reminder e-mails, in Vietnamese, as plain text and HTML. Counts only: no candidate's
// name or date of birth ever appears, and every value from the sheet is escaped.
import { formatDmy, type Day } from '../calendar/dates';
import { escapeHtml } from '../text/html';
import { MAIL } from '../messages/mail';
import {
  NO_COMMITTEE,
  PACE_LABEL,
  SOURCE_LABEL,
  STAGE_LABEL,
  WEEKDAY_LABEL,
} from '../messages/labels';
import { weekdayOf } from '../calendar/dates';
import type { Settings } from '../model';
import type { BehindRow, Digest, DossierNotice, UnitReminder } from './reminders';
import { utf8Length } from '../text/utf8';

export interface MailContext {
  today: Day;
  sheetUrl: string;
  settings: Settings;
}

export interface OutgoingMail {
  key: string;
  /**
   * The reminders this mail carries when there are several (a unit's files): each is logged
   * under its own key, so each person's file is reminded once per stage and lead day.
   */
  keys?: string[];
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export const longDate = (day: Day): string => `${WEEKDAY_LABEL[weekdayOf(day)]}, ${formatDmy(day)}`;

/** Reminders come from the reporting body (e.g. the Organization Board), not the issuing committee. */
const issuer = (ctx: MailContext): string => ctx.settings.reportingBody || MAIL.defaultIssuer;

/** The link to the shared spreadsheet, or nothing when there is none to give (never a file path). */
const linkText = (ctx: MailContext): string[] => (ctx.sheetUrl ? [MAIL.link(ctx.sheetUrl)] : []);
const linkHtml = (ctx: MailContext): string =>
  ctx.sheetUrl
    ? `<p><a href="${escapeHtml(ctx.sheetUrl)}">${escapeHtml(MAIL.linkText)}</a></p>`
    : '';

function contact(ctx: MailContext): string {
  const board = ctx.settings.boardEmails.join(', ');
  return board ? MAIL.contact(issuer(ctx), board) : MAIL.contactNoEmail(issuer(ctx));
}

function htmlPage(paragraphs: string[], table: string): string {
  return [
    '<div style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #202124">',
    ...paragraphs.map((p) => `<p>${p}</p>`),
    table,
    `<p style="color: #5f6368; font-size: 12px">${escapeHtml(MAIL.footer)}</p>`,
    '</div>',
  ].join('\n');
}

function htmlTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cell = 'style="border: 1px solid #dadce0; padding: 4px 8px"';
  return [
    '<table style="border-collapse: collapse">',
    `<tr>${header.map((h) => `<th ${cell}>${escapeHtml(h)}</th>`).join('')}</tr>`,
    ...rows.map((r) => `<tr>${r.map((v) => `<td ${cell}>${escapeHtml(v)}</td>`).join('')}</tr>`),
    '</table>',
  ].join('\n');
}

/**
 * A letter to a unit, in text and HTML: greeting, introduction, the figures (as lines and as a
 * table), what is asked, the link to the shared sheet and whom to ask.
 */
function letter(
  ctx: MailContext,
  unit: string,
  intro: string,
  lines: readonly string[],
  table: string,
  ask: string,
): { text: string; html: string } {
  const text = [
    MAIL.greeting(unit),
    '',
    intro,
    ...lines,
    '',
    ask,
    ...linkText(ctx),
    contact(ctx),
    '',
    MAIL.footer,
  ].join('\n');
  const html = htmlPage(
    [escapeHtml(MAIL.greeting(unit)), escapeHtml(intro)],
    [table, `<p>${escapeHtml(ask)}</p>`, linkHtml(ctx), `<p>${escapeHtml(contact(ctx))}</p>`].join(
      '\n',
    ),
  );
  return { text, html };
}

export function unitMail(reminder: UnitReminder, ctx: MailContext): OutgoingMail {
  const { unit, milestone, result, shortfall, daysLeft } = reminder;
  const subject = MAIL.subject(milestone.name, daysLeft);
  const facts: [string, string | number][] = [
    [MAIL.labels.unit, unit.name],
    [MAIL.labels.milestone, milestone.name],
    [MAIL.labels.deadline, `${longDate(milestone.deadline)} (${MAIL.daysLeft(daysLeft)})`],
    [MAIL.labels.quota, result.target ?? ''],
    [MAIL.labels.actual, result.actual],
    [MAIL.labels.source, result.source ? SOURCE_LABEL[result.source] : MAIL.noFigure],
    [MAIL.labels.shortfall, shortfall],
  ];
  const ask = milestone.kind === 'class' ? MAIL.askClass : MAIL.askAdmission;
  const { text, html } = letter(
    ctx,
    unit.name,
    MAIL.intro(issuer(ctx)),
    facts.map(([k, v]) => `- ${k}: ${v}`),
    htmlTable([MAIL.labels.item, MAIL.labels.value], facts),
    ask,
  );
  return { key: reminder.key, to: unit.emails, subject, text, html };
}

/** A unit's files falling due or overdue: stage, sheet and row, due day. Never a name. */
export function dossierMail(notice: DossierNotice, ctx: MailContext): OutgoingMail {
  const rows = [...notice.dossiers]
    .sort((a, b) => a.daysLeft - b.daysLeft)
    .map((f) => [
      STAGE_LABEL[f.dossier.stage],
      MAIL.fileRow(f.dossier.sheet, f.dossier.row),
      f.dossier.due === null ? '' : formatDmy(f.dossier.due),
      MAIL.fileLeft(f.daysLeft),
    ]);
  const overdue = notice.dossiers.filter((f) => f.daysLeft < 0).length;
  const subject = MAIL.fileSubject(notice.dossiers.length - overdue, overdue);
  const { text, html } = letter(
    ctx,
    notice.unit.name,
    MAIL.fileIntro(issuer(ctx)),
    rows.map((r) => `- ${r.join(' | ')}`),
    htmlTable(MAIL.fileHeader, rows),
    MAIL.fileAsk,
  );
  return {
    key: notice.key,
    keys: notice.dossiers.map((f) => f.key),
    to: notice.unit.emails,
    subject,
    text,
    html,
  };
}

const behindCells = (r: BehindRow): (string | number)[] => [
  r.unit.name,
  r.milestone.code,
  formatDmy(r.milestone.deadline),
  r.result.target ?? '',
  r.result.actual,
  r.shortfall,
];

/**
 * MailApp refuses a body over 200 KB (400 KB on Workspace:
 * https://developers.google.com/apps-script/guides/services/quotas); text and HTML together are
 * kept under this, with room for the headers.
 */
export const DIGEST_BODY_LIMIT = 180 * 1024;
/**
 * Gmail shows only the first 102 KB or so of a message's HTML and hides the rest behind
 * "[Message clipped] View entire message" (measured around 102–105 KB:
 * https://www.spamresource.com/2022/01/what-is-gmail-clipping-and-what-to-do.html): the digest's
 * HTML stays under this, with room for the encoding.
 */
export const DIGEST_HTML_LIMIT = 96 * 1024;
/** Rows each list of the digest starts with (the worst first); fewer if the body is too big. */
const DIGEST_ROWS = 100;

interface Section {
  title: string;
  header: string[];
  rows: (string | number)[][];
  /** Rows left out for size; the Board finds them in Tổng hợp. */
  more: number;
  note?: string;
}

/** One row per committee and kind of cell: how many units are reminded, behind, overdue, at risk. */
function summaryRows(digest: Digest): (string | number)[][] {
  const groups = new Map<string, (string | number)[]>();
  const count = (unit: BehindRow['unit'], column: number) => {
    const committee = unit.committee || NO_COMMITTEE;
    const kind = unit.kind;
    const key = `${committee}\u0000${kind}`;
    let row = groups.get(key);
    if (!row) groups.set(key, (row = [committee, kind, 0, 0, 0, 0]));
    row[column] = (row[column] as number) + 1;
  };
  for (const r of digest.reminders) count(r.unit, 2);
  for (const r of digest.behind) count(r.unit, 3);
  for (const r of digest.overdue) count(r.unit, 4);
  for (const r of digest.atRisk) count(r.unit, 5);
  return [...groups.values()];
}

const worstFirst = <T extends { shortfall: number }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => b.shortfall - a.shortfall);

/** What the digest's lists hold whatever their length: worked out once, then cut to size. */
interface DigestLists {
  units: number;
  summary: (string | number)[][];
  files: (string | number)[][];
  reminders: Digest['reminders'];
  behind: BehindRow[];
  overdue: BehindRow[];
}

function digestLists(digest: Digest): DigestLists {
  const units = new Set(
    [...digest.reminders, ...digest.behind, ...digest.overdue, ...digest.atRisk].map((r) => r.unit),
  );
  // Files: per unit and stage, how many fall due and how many are overdue (no rows, no names).
  const files: (string | number)[][] = [];
  for (const notice of digest.dossiers) {
    const byStage = new Map<string, [number, number]>();
    for (const f of notice.dossiers) {
      const label = STAGE_LABEL[f.dossier.stage];
      const counts = byStage.get(label) ?? [0, 0];
      counts[f.daysLeft < 0 ? 1 : 0]++;
      byStage.set(label, counts);
    }
    for (const [label, [due, late]] of byStage) files.push([notice.unit.name, label, due, late]);
  }
  return {
    units: units.size,
    summary: summaryRows(digest),
    files,
    reminders: worstFirst(digest.reminders),
    behind: worstFirst(digest.behind),
    overdue: worstFirst(digest.overdue),
  };
}

function digestSections(digest: Digest, lists: DigestLists, cap: number): Section[] {
  const header = [
    MAIL.labels.unit,
    MAIL.labels.milestone,
    MAIL.labels.deadline,
    MAIL.labels.quota,
    MAIL.labels.actual,
    MAIL.labels.shortfall,
  ];
  const limited = <T>(rows: readonly T[], cells: (r: T) => (string | number)[]) => ({
    rows: rows.slice(0, cap).map(cells),
    more: Math.max(0, rows.length - cap),
  });
  const sections: Section[] = [];
  // A long day gets a summary first: a province's Board reads figures, then the worst cases.
  if (lists.units > cap)
    sections.push({
      title: MAIL.digestSummary,
      header: [...MAIL.digestSummaryHeader],
      rows: lists.summary,
      more: 0,
    });
  if (lists.files.length > 0)
    sections.push({
      title: MAIL.digestFiles(digest.dossiers.reduce((n, u) => n + u.dossiers.length, 0)),
      header: [...MAIL.digestFilesHeader],
      ...limited(lists.files, (r) => r),
    });
  sections.push(
    {
      title: MAIL.digestReminded(digest.reminders.length),
      header: [...header, MAIL.labels.lead],
      ...limited(lists.reminders, (r) => [...behindCells(r), r.leadDays]),
      note: MAIL.digestLeadNote,
    },
    {
      title: MAIL.digestBehind(digest.behind.length),
      header,
      ...limited(lists.behind, behindCells),
    },
    {
      title: MAIL.digestOverdue(digest.overdue.length),
      header,
      ...limited(lists.overdue, behindCells),
    },
    {
      title: MAIL.digestPace(digest.atRisk.length),
      header: [...header, MAIL.labels.projected, MAIL.labels.pace],
      note: MAIL.digestPaceNote,
      ...limited(digest.atRisk, (r) => [
        r.unit.name,
        r.milestone.code,
        formatDmy(r.milestone.deadline),
        r.result.target ?? '',
        r.result.actual,
        r.forecast.shortfall,
        r.forecast.projected ?? '',
        PACE_LABEL[r.forecast.status],
      ]),
    },
  );
  return sections;
}

function renderDigest(
  digest: Digest,
  lists: DigestLists,
  ctx: MailContext,
  cap: number,
): OutgoingMail {
  const sections = digestSections(digest, lists, cap);
  const subject = MAIL.digestSubject(
    formatDmy(ctx.today),
    digest.reminders.length,
    digest.overdue.length,
  );
  const more = (s: Section) => (s.more > 0 ? [MAIL.digestMore(s.more)] : []);
  const text = [
    MAIL.digestIntro(formatDmy(ctx.today)),
    '',
    ...sections.flatMap((s) => [
      s.title,
      ...s.rows.map((r) => `- ${r.join(' | ')}`),
      ...more(s),
      ...(s.note && s.rows.length > 0 ? [s.note] : []),
      '',
    ]),
    ...linkText(ctx),
    '',
    MAIL.footer,
  ].join('\n');
  const html = htmlPage(
    [escapeHtml(MAIL.digestIntro(formatDmy(ctx.today)))],
    [
      ...sections.map(
        (s) =>
          `<h3>${escapeHtml(s.title)}</h3>\n` +
          (s.rows.length
            ? htmlTable(s.header, s.rows) + (s.note ? `\n<p>${escapeHtml(s.note)}</p>` : '')
            : '') +
          more(s)
            .map((line) => `\n<p>${escapeHtml(line)}</p>`)
            .join(''),
      ),
      linkHtml(ctx),
    ].join('\n'),
  );
  return { key: digest.key, to: ctx.settings.boardEmails, subject, text, html };
}

/**
 * The Board's digest: who was reminded, who is behind or overdue, who is at risk, the worst
 * first. On a province's day the lists are cut (a summary by committee and kind comes first, and
 * Tổng hợp has the rest) until the body fits MailApp's limit.
 */
export function digestMail(digest: Digest, ctx: MailContext): OutgoingMail {
  let cap = DIGEST_ROWS;
  const lists = digestLists(digest);
  let mail = renderDigest(digest, lists, ctx, cap);
  const tooBig = (m: OutgoingMail) =>
    utf8Length(m.html) > DIGEST_HTML_LIMIT ||
    utf8Length(m.text) + utf8Length(m.html) > DIGEST_BODY_LIMIT;
  while (cap > 0 && tooBig(mail)) {
    cap = Math.floor(cap / 2);
    mail = renderDigest(digest, lists, ctx, cap);
  }
  return mail;
}
