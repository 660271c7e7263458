// The parts of the report that Quy định 399-QĐ/TW prescribes around its content: the heading's
// left block (the committee, the issuing body, the number) and the closing (the signature block,
// `Nơi nhận`), from `Cấu hình`. What the office has not set stays blank, for the clerk to fill in:
// nothing here is ever made up.
import { REPORT } from '../messages/report';
import type { Settings } from '../model';
import { matchKey } from '../text/normalize';

/**
 * Left block of the heading (Quy định 399-QĐ/TW): the committee above the issuing body (empty when
 * the committee itself reports), the issuing body, and beneath its star the number line.
 */
export interface ReportHeading {
  /** Upper case, or empty. */
  higherBody: string;
  /** Upper case. */
  issuingBody: string;
  /** "Số 12-BC/……": what the office has not set is left blank for the clerk. */
  number: string;
}

/** The signature block; a line the office has not set is empty, to be written in by hand. */
export interface ReportSignature {
  /** "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN"… (upper case). */
  authority: string;
  /** The signer's title (upper case). */
  title: string;
  /** The signer's name, as typed. */
  signer: string;
}

const upper = (text: string): string => text.toLocaleUpperCase('vi');

/** The committee a standing committee belongs to: "Ban Thường vụ Huyện ủy X" → "Huyện ủy X". */
const committeeOf = (issuer: string): string =>
  issuer.replace(/^Ban (Thường vụ|Chấp hành)\s+/i, '');

/**
 * The heading's left block from `Cấp ủy ban hành` and `Cơ quan báo cáo`: "Ban Tổ chức Huyện ủy X"
 * under "Ban Thường vụ Huyện ủy X" is "BAN TỔ CHỨC" beneath "HUYỆN ỦY X"; with no body of its own
 * the committee reports itself.
 */
export function reportHeading(s: Settings): ReportHeading {
  const committee = committeeOf(s.issuerName);
  const number = REPORT.number(s.reportNumber.replace(/^Số\s*:?\s*/i, ''));
  const body = s.reportingBody;
  if (body === '')
    return { higherBody: '', issuingBody: upper(committee || REPORT.defaultBody), number };
  if (committee === '' || matchKey(body) === matchKey(committee))
    return { higherBody: '', issuingBody: upper(body), number };
  const words = body.split(' ');
  const size = committee.split(' ').length;
  const own = words.slice(0, words.length - size).join(' ');
  const ofCommittee =
    words.length > size && matchKey(words.slice(-size).join(' ')) === matchKey(committee);
  return { higherBody: upper(committee), issuingBody: upper(ofCommittee ? own : body), number };
}

/** The signature block from `Quyền hạn ký`, `Chức vụ người ký` and `Người ký`, as typed or blank. */
export function reportSignature(s: Settings): ReportSignature {
  return { authority: upper(s.signingAuthority), title: upper(s.signerTitle), signer: s.signer };
}

/**
 * `Nơi nhận` as the office typed it, each a line after "- ", commas between and a full stop at
 * the end, the file copy ("- Lưu.") added when not typed; unset, the default list.
 */
export function reportRecipients(s: Settings): string[] {
  if (s.recipients.length === 0) return REPORT.recipients(s.issuerName);
  const items = s.recipients.some((r) => /^lưu(?!\p{L})/iu.test(r))
    ? s.recipients
    : [...s.recipients, REPORT.fileCopy];
  return items.map((r, i) => {
    const stop = /[,.;:]$/.test(r) ? '' : i === items.length - 1 ? '.' : ',';
    return `- ${r}${stop}`;
  });
}
