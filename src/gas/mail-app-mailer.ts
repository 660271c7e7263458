import type { OutgoingMail } from '../core/reminders/reminder-mail';
import { MailDeferred, type Mailer } from '../workbook/reminders';
import { MAIL_LOG, MAIL_SENDER_NAME } from '../core/messages/mail';
import { explainError } from './google-errors';
import { TransientError } from './resilience';

/**
 * MailApp takes at most 50 recipients per message
 * (https://developers.google.com/apps-script/guides/services/quotas): longer lists go out as
 * several identical messages. The daily quota counts each recipient either way.
 */
const RECIPIENTS_PER_MESSAGE = 50;

/** MailApp, not GmailApp: it can only send, so the script never reads anyone's mailbox. */
export const mailAppMailer: Mailer = {
  remainingQuota: () => MailApp.getRemainingDailyQuota(),
  send: (mail: OutgoingMail) => {
    for (let i = 0; i < mail.to.length; i += RECIPIENTS_PER_MESSAGE) {
      try {
        MailApp.sendEmail({
          to: mail.to.slice(i, i + RECIPIENTS_PER_MESSAGE).join(','),
          subject: mail.subject,
          body: mail.text,
          htmlBody: mail.html,
          name: MAIL_SENDER_NAME,
        });
      } catch (e) {
        // Not retried (resilience.ts: a send could go out twice). Nothing of it went out yet: the
        // next run sends it; part of a long list went out: said so, never sent again to them.
        if (e instanceof TransientError && i === 0) throw new MailDeferred(MAIL_LOG.transient);
        throw new Error(i === 0 ? explainError(e) : MAIL_LOG.partlySent(i, explainError(e)));
      }
    }
  },
};
