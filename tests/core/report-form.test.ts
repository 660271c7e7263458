// The report's heading and closing from `Cấu hình` (Quy định 399-QĐ/TW): the committee above the
// issuing body, the number, `Nơi nhận` one a line; what the office has not set stays blank.
import { DEFAULT_SETTINGS } from '../../src/core/plan/settings-input';
import {
  reportHeading,
  reportRecipients,
  reportSignature,
} from '../../src/core/reports/report-form';
import type { Settings } from '../../src/core/model';

const settings = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });
const BLANK_NUMBER = `Số${'\u00a0'.repeat(8)}-BC/……`;

describe('the heading’s left block', () => {
  test.each([
    // A board of the committee: the committee above it, in plain capitals.
    [
      'Ban Thường vụ Huyện ủy Hiệp Hòa',
      'Ban Tổ chức Huyện ủy Hiệp Hòa',
      'HUYỆN ỦY HIỆP HÒA',
      'BAN TỔ CHỨC',
    ],
    // Old tone placement and another case still name the same committee.
    [
      'Ban Thường vụ Huyện ủy Hiệp Hoà',
      'ban tổ chức huyện ủy hiệp hòa',
      'HUYỆN ỦY HIỆP HOÀ',
      'BAN TỔ CHỨC',
    ],
    [
      'Ban Thường vụ Đảng ủy xã Mẫu Sơn',
      'Văn phòng Đảng ủy xã Mẫu Sơn',
      'ĐẢNG ỦY XÃ MẪU SƠN',
      'VĂN PHÒNG',
    ],
    // A body named without its committee stands under it as typed.
    ['Ban Thường vụ Tỉnh ủy Mẫu', 'Ban Tổ chức', 'TỈNH ỦY MẪU', 'BAN TỔ CHỨC'],
    // The committee reports itself: nothing above it.
    ['Ban Thường vụ Huyện ủy Hiệp Hòa', '', '', 'HUYỆN ỦY HIỆP HÒA'],
    ['Ban Thường vụ Huyện ủy Hiệp Hòa', 'Huyện ủy Hiệp Hòa', '', 'HUYỆN ỦY HIỆP HÒA'],
    // No committee written: the body alone.
    ['', 'Ban Tổ chức Huyện ủy Hiệp Hòa', '', 'BAN TỔ CHỨC HUYỆN ỦY HIỆP HÒA'],
  ])('%s / %s', (issuerName, reportingBody, higherBody, issuingBody) => {
    expect(reportHeading(settings({ issuerName, reportingBody }))).toEqual({
      higherBody,
      issuingBody,
      number: BLANK_NUMBER,
    });
  });

  test.each([
    ['', BLANK_NUMBER],
    ['12', 'Số 12-BC/……'],
    ['Số: 12', 'Số 12-BC/……'],
    ['12-BC/BTCHU', 'Số 12-BC/BTCHU'],
    ['Số 12-BC/BTCHU', 'Số 12-BC/BTCHU'],
  ])('Số báo cáo %j', (reportNumber, number) => {
    expect(reportHeading(settings({ reportNumber })).number).toBe(number);
  });
});

describe('the closing', () => {
  test('unset: the signature lines blank, Nơi nhận the standing committee and the file copy', () => {
    const s = settings({ issuerName: 'Ban Thường vụ Huyện ủy Hiệp Hòa' });
    expect(reportSignature(s)).toEqual({ authority: '', title: '', signer: '' });
    expect(reportRecipients(s)).toEqual([
      '- Thường trực Huyện ủy Hiệp Hòa (để báo cáo),',
      '- Lưu.',
    ]);
  });

  test('set: capitals for the authority and the title, the name as typed', () => {
    const s = settings({
      signingAuthority: 'k/t Trưởng ban',
      signerTitle: 'Phó Trưởng ban',
      signer: 'Lê Văn Mẫu',
    });
    expect(reportSignature(s)).toEqual({
      authority: 'K/T TRƯỞNG BAN',
      title: 'PHÓ TRƯỞNG BAN',
      signer: 'Lê Văn Mẫu',
    });
  });

  test('Nơi nhận: a dash before each, commas between, a full stop last; the file copy added once', () => {
    expect(
      reportRecipients(settings({ recipients: ['Thường trực Huyện ủy', 'Các ban đảng'] })),
    ).toEqual(['- Thường trực Huyện ủy,', '- Các ban đảng,', '- Lưu.']);
    expect(
      reportRecipients(
        settings({ recipients: ['Thường trực Huyện ủy (để báo cáo),', 'Lưu Văn phòng'] }),
      ),
    ).toEqual(['- Thường trực Huyện ủy (để báo cáo),', '- Lưu Văn phòng.']);
  });
});
