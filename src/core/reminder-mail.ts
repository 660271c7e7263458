// The reminder e-mails, in Vietnamese, as plain text and HTML. Counts only: no candidate's
// name or date of birth ever appears, and every value from the sheet is escaped.
import { formatDmy, type Day } from './dates';
import { escapeHtml } from './html';
import { MAIL, PACE_LABEL, SOURCE_LABEL, WEEKDAY_LABEL } from './messages';
import { weekdayOf } from './dates';
import type { Settings } from './model';
import type { BehindRow, Digest, UnitReminder } from './reminders';

export interface MailContext {
  today: Day;
  sheetUrl: string;
  settings: Settings;
}

export interface OutgoingMail {
  key: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export const longDate = (day: Day): string => `${WEEKDAY_LABEL[weekdayOf(day)]}, ${formatDmy(day)}`;

const issuer = (ctx: MailContext): string => ctx.settings.issuerName || MAIL.defaultIssuer;

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
  const text = [
    MAIL.greeting(unit.name),
    '',
    MAIL.intro(issuer(ctx)),
    ...facts.map(([k, v]) => `- ${k}: ${v}`),
    '',
    ask,
    MAIL.link(ctx.sheetUrl),
    contact(ctx),
    '',
    MAIL.footer,
  ].join('\n');
  const html = htmlPage(
    [escapeHtml(MAIL.greeting(unit.name)), escapeHtml(MAIL.intro(issuer(ctx)))],
    [
      htmlTable([MAIL.labels.item, MAIL.labels.value], facts),
      `<p>${escapeHtml(ask)}</p>`,
      `<p><a href="${escapeHtml(ctx.sheetUrl)}">${escapeHtml(MAIL.linkText)}</a></p>`,
      `<p>${escapeHtml(contact(ctx))}</p>`,
    ].join('\n'),
  );
  return { key: reminder.key, to: unit.emails, subject, text, html };
}

const behindCells = (r: BehindRow): (string | number)[] => [
  r.unit.name,
  r.milestone.code,
  formatDmy(r.milestone.deadline),
  r.result.target ?? '',
  r.result.actual,
  r.shortfall,
];

export function digestMail(digest: Digest, ctx: MailContext): OutgoingMail {
  const header = [
    MAIL.labels.unit,
    MAIL.labels.milestone,
    MAIL.labels.deadline,
    MAIL.labels.quota,
    MAIL.labels.actual,
    MAIL.labels.shortfall,
  ];
  const sections: {
    title: string;
    header: string[];
    rows: (string | number)[][];
    note?: string;
  }[] = [
    {
      title: MAIL.digestReminded(digest.reminders.length),
      header: [...header, MAIL.labels.lead],
      rows: digest.reminders.map((r) => [...behindCells(r), r.leadDays]),
      note: MAIL.digestLeadNote,
    },
    {
      title: MAIL.digestBehind(digest.behind.length),
      header,
      rows: digest.behind.map(behindCells),
    },
    {
      title: MAIL.digestOverdue(digest.overdue.length),
      header,
      rows: digest.overdue.map(behindCells),
    },
    {
      title: MAIL.digestPace(digest.atRisk.length),
      header: [...header, MAIL.labels.projected, MAIL.labels.pace],
      note: MAIL.digestPaceNote,
      rows: digest.atRisk.map((r) => [
        r.unit.name,
        r.milestone.code,
        formatDmy(r.milestone.deadline),
        r.result.target ?? '',
        r.result.actual,
        r.forecast.shortfall,
        r.forecast.projected,
        PACE_LABEL[r.forecast.status],
      ]),
    },
  ];
  const subject = MAIL.digestSubject(
    formatDmy(ctx.today),
    digest.reminders.length,
    digest.overdue.length,
  );
  const text = [
    MAIL.digestIntro(formatDmy(ctx.today)),
    '',
    ...sections.flatMap((s) => [
      s.title,
      ...s.rows.map((r) => `- ${r.join(' | ')}`),
      ...(s.note && s.rows.length > 0 ? [s.note] : []),
      '',
    ]),
    MAIL.link(ctx.sheetUrl),
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
            : ''),
      ),
      `<p><a href="${escapeHtml(ctx.sheetUrl)}">${escapeHtml(MAIL.linkText)}</a></p>`,
    ].join('\n'),
  );
  return { key: digest.key, to: ctx.settings.boardEmails, subject, text, html };
}
