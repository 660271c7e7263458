// The reminder preview dialog: what today's run would send and what falls due soon. Every value
// from the sheet is escaped; the only script calls the one server function for a test copy.
import { formatDmy, type Day } from '../calendar/dates';
import { escapeHtml } from '../text/html';
import { PREVIEW } from '../messages/reminders';
import type { OutgoingMail } from './reminder-mail';
import type { UpcomingReminder, UnitReminder } from './reminders';

const table = (header: readonly string[], rows: string[][]): string =>
  `<table><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>` +
  rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
  '</table>';

export function previewHtml(input: {
  today: Day;
  reminders: readonly UnitReminder[];
  mails: readonly OutgoingMail[];
  upcoming: readonly UpcomingReminder[];
  horizon: number;
  dryRun: boolean;
}): string {
  const byKey = new Map(input.reminders.map((r) => [r.key, r]));
  const todayRows = input.mails.map((m) => {
    const r = byKey.get(m.key);
    return [
      escapeHtml(r ? r.unit.name : '—'),
      escapeHtml(r ? r.milestone.code : '—'),
      escapeHtml(m.to.join(', ')),
      escapeHtml(m.subject),
      `<button data-key="${escapeHtml(m.key)}" onclick="sendTest(this)">${escapeHtml(PREVIEW.sendTest)}</button>`,
    ];
  });
  const upcomingRows = input.upcoming.map((u) => [
    escapeHtml(formatDmy(u.day)),
    escapeHtml(u.unit.name),
    escapeHtml(u.milestone.code),
    escapeHtml(u.leadDays),
    escapeHtml(u.shortfall),
  ]);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: Arial, sans-serif; font-size: 13px; }
table { border-collapse: collapse; margin-bottom: 12px; }
th, td { border: 1px solid #dadce0; padding: 3px 6px; text-align: left; }
button { white-space: nowrap; }
.note { color: #b06000; }
</style></head><body>
${input.dryRun ? `<p class="note">${escapeHtml(PREVIEW.dryRun)}</p>` : ''}
<h3>${escapeHtml(PREVIEW.today(formatDmy(input.today), input.mails.length))}</h3>
${todayRows.length ? table(PREVIEW.todayColumns, todayRows) : `<p>${escapeHtml(PREVIEW.none)}</p>`}
<h3>${escapeHtml(PREVIEW.upcoming(input.horizon, input.upcoming.length))}</h3>
${upcomingRows.length ? table(PREVIEW.columns, upcomingRows) : `<p>${escapeHtml(PREVIEW.none)}</p>`}
<p id="status"></p>
<script>
function sendTest(button) {
  button.disabled = true;
  document.getElementById('status').textContent = ${JSON.stringify(PREVIEW.sending)};
  google.script.run
    .withSuccessHandler(function (message) { document.getElementById('status').textContent = message; button.disabled = false; })
    .withFailureHandler(function (error) {
      // ptdv's own refusals are Vietnamese; anything else is Google's (a browser signed in to
      // several Google accounts cannot call the script from a dialog): said in Vietnamese.
      var message = String((error && error.message) || '');
      document.getElementById('status').textContent = message.split('').some(function (c) { return c.charCodeAt(0) > 127; }) ? message : ${JSON.stringify(PREVIEW.callFailed)};
      button.disabled = false;
    })
    .sendTestReminder(button.getAttribute('data-key'));
}
</script>
</body></html>`;
}
