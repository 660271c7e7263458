// A list of whole days typed in one cell (`14, 7, 3, 1`): a milestone's `Nhắc trước (ngày)` and the
// pipeline's lead days in `Cấu hình` are read by this one parser.

export interface DayList {
  /** The positive whole numbers in the cell, largest first and each once. */
  days: number[];
  /** True when some item is not a positive whole number (the caller reports it). */
  invalid: boolean;
}

/** Items separated by commas, semicolons or spaces; a blank cell is an empty, valid list. */
export function readDayList(text: string): DayList {
  const days: number[] = [];
  let invalid = false;
  for (const token of text.split(/[,;\s]+/)) {
    if (token === '') continue;
    const n = Number(token);
    if (Number.isInteger(n) && n > 0) days.push(n);
    else invalid = true;
  }
  return { days: [...new Set(days)].sort((a, b) => b - a), invalid };
}
