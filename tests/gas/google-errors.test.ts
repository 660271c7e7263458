// Google's errors in the user's words: which failures are explained, and which are ptdv's own.
import { explainError } from '../../src/gas/google-errors';
import { TransientError } from '../../src/gas/resilience';
import { GOOGLE_ERROR } from '../../src/core/messages/sheets';

describe('explainError', () => {
  beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => {}));

  test("Google's English quoting a Vietnamese name is explained, not shown", () => {
    expect(explainError(new Error("Unable to parse range: 'Danh sách'"))).toBe(GOOGLE_ERROR.other);
    expect(
      explainError(
        new Error(
          "API call to sheets.spreadsheets.create failed with error: Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'",
        ),
      ),
    ).toBe(GOOGLE_ERROR.perMinute);
    expect(
      explainError(
        new Error(
          'API call to drive.permissions.create failed with error: Rate limit exceeded. User message: "These item(s) could not be shared because a rate limit was exceeded: a@b.vn"',
        ),
      ),
    ).toBe(GOOGLE_ERROR.sharing);
    expect(explainError(new TransientError('Service Spreadsheets timed out'))).toBe(
      GOOGLE_ERROR.transient,
    );
    expect(explainError(new TypeError("Cannot read properties of null (reading 'x')"))).toBe(
      GOOGLE_ERROR.other,
    );
  });

  test("ptdv's own Vietnamese stays as it is, whatever names it quotes", () => {
    const own = 'Thiếu sheet "DS - 404" (cột "Daily" không có): hãy chạy Khởi tạo bảng tính.';
    expect(explainError(new Error(own))).toBe(own);
  });
});
