// Custom functions for the sheet. scripts/build.mjs copies each JSDoc block below into
// dist/Code.js, where Sheets reads it to offer autocomplete; keep `@customfunction` in each.
import { FORMULA } from '../core/messages/sheets';
import { actualFor, quotaFor, ratioFor, summaryTable } from '../workbook/formulas';
import type { Cell } from '../workbook/port';

/**
 * A formula shows a Vietnamese hint in its cell, never a stack trace. Results depend on the
 * arguments alone (Sheets caches them until an argument changes): "today" is an argument.
 */
function safely<T>(compute: () => T): T | string {
  try {
    return compute();
  } catch (e) {
    return FORMULA.prefix + (e as Error).message;
  }
}

/**
 * Số người của một đơn vị được tính cho một mốc (bồi dưỡng hoặc kết nạp), theo quy tắc của bảng
 * Tổng hợp (trùng người tính một lần, dòng lỗi không tính), tính tất cả các ngày. Hàm không có
 * vùng Chỉ tiêu nên chỉ nhận các dòng ghi đơn vị đúng như tham số (mọi cách viết dấu, hoa
 * thường); muốn tính cả tên khác và mã, dùng PTDV_TONGHOP.
 *
 * @param {string} unit Tên đơn vị như được ghi trong Danh sách, ví dụ "Trường THPT Hiệp Hòa số 1".
 * @param {string} milestone Mã mốc, ví dụ "KN-2024".
 * @param {Array<Array<string|number|Date>>} entries Cả vùng sheet Danh sách, gồm dòng tiêu đề, ví dụ 'Danh sách'!A1:K.
 * @param {Array<Array<string|number|Date>>} milestones Cả vùng sheet Mốc, gồm dòng tiêu đề, ví dụ 'Mốc'!A1:H.
 * @param {Date} today (Không bắt buộc) Ngày hôm nay, thường là TODAY(): dòng ghi ngày sau ngày này bị coi là gõ nhầm và không được tính. Bỏ trống thì không loại dòng nào vì ngày.
 * @return {number} Số người thực hiện.
 * @customfunction
 */
export function PTDV_THUCHIEN(
  unit: unknown,
  milestone: unknown,
  entries: unknown,
  milestones: unknown,
  today?: unknown,
): number | string {
  return safely(() => actualFor(unit, milestone, entries, milestones, today));
}

/**
 * Chỉ tiêu của một đơn vị ở một mốc: một số (20) hoặc một khoảng dạng chữ ("8-10").
 *
 * @param {string} unit Tên (hoặc tên khác, mã) đơn vị.
 * @param {string} milestone Mã mốc, ví dụ "KN-19-5".
 * @param {Array<Array<string|number>>} quotas Cả vùng sheet Chỉ tiêu, gồm dòng tiêu đề, ví dụ 'Chỉ tiêu'!A1:L.
 * @return {number|string} Chỉ tiêu.
 * @customfunction
 */
export function PTDV_CHITIEU(unit: unknown, milestone: unknown, quotas: unknown): number | string {
  return safely(() => quotaFor(unit, milestone, quotas));
}

/**
 * Tỷ lệ thực hiện = số thực hiện / chỉ tiêu tối thiểu (định dạng ô là % để xem phần trăm).
 *
 * @param {string} unit Tên (hoặc tên khác, mã) đơn vị.
 * @param {string} milestone Mã mốc.
 * @param {Array<Array<string|number>>} quotas Cả vùng sheet Chỉ tiêu, gồm dòng tiêu đề.
 * @param {Array<Array<string|number|Date>>} entries Cả vùng sheet Danh sách, gồm dòng tiêu đề.
 * @param {Array<Array<string|number|Date>>} milestones Cả vùng sheet Mốc, gồm dòng tiêu đề.
 * @param {Date} today (Không bắt buộc) Ngày hôm nay, thường là TODAY(): dòng ghi ngày sau ngày này bị coi là gõ nhầm và không được tính. Bỏ trống thì không loại dòng nào vì ngày.
 * @return {number} Tỷ lệ, ví dụ 0,9 là 90%.
 * @customfunction
 */
export function PTDV_TYLE(
  unit: unknown,
  milestone: unknown,
  quotas: unknown,
  entries: unknown,
  milestones: unknown,
  today?: unknown,
): number | string {
  return safely(() => ratioFor(unit, milestone, quotas, entries, milestones, today));
}

/**
 * Cả bảng tổng hợp trong một công thức: mỗi đơn vị một dòng (thực hiện, chỉ tiêu, tỷ lệ, trạng
 * thái theo từng mốc), rồi các dòng cộng theo loại, theo cấp ủy và tổng cộng.
 *
 * @param {Array<Array<string|number>>} quotas Cả vùng sheet Chỉ tiêu, gồm dòng tiêu đề.
 * @param {Array<Array<string|number|Date>>} milestones Cả vùng sheet Mốc, gồm dòng tiêu đề.
 * @param {Array<Array<string|number|Date>>} entries Cả vùng sheet Danh sách, gồm dòng tiêu đề.
 * @param {Date} asOf (Không bắt buộc) Tính đến ngày này; bỏ trống là tính tất cả.
 * @param {Date} today (Không bắt buộc) Ngày hôm nay, thường là TODAY(): dòng ghi ngày sau ngày này bị coi là gõ nhầm và không được tính. Bỏ trống thì không loại dòng nào vì ngày.
 * @return {Array<Array<string|number>>} Bảng tổng hợp.
 * @customfunction
 */
export function PTDV_TONGHOP(
  quotas: unknown,
  milestones: unknown,
  entries: unknown,
  asOf?: unknown,
  today?: unknown,
): Cell[][] | string {
  return safely(() => summaryTable(quotas, milestones, entries, asOf, today));
}
