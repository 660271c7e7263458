// Moving a plan to the next year in the same workbook: this year's milestones are archived and
// next year's added, with codes, names and dates carried over (the `Lưu trữ` column).

/**
 * Next year's code: the old year replaced by the new one (`KN-2024` → `KN-2025`), or the new year
 * appended (`BD1-HS` → `BD1-HS-2025`).
 */
export function nextCode(code: string, from: number, to: number): string {
  const old = String(from);
  return code.includes(old) ? code.split(old).join(String(to)) : `${code}-${to}`;
}

/** A name with the old year replaced, if it has one (`Kết nạp năm 2024` → `Kết nạp năm 2025`). */
export function nextName(name: string, from: number, to: number): string {
  return name.split(String(from)).join(String(to));
}
