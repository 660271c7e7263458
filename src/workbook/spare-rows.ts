// How many empty rows each sheet a script writes keeps for typing (see docs/en/limits.md).

/**
 * Empty rows left below each input table for typing. Each costs its width in cells of the
 * workbook's 10,000,000; Sheets' "add more rows" button gives more whenever needed.
 */
export const SPARE_ROWS = {
  list: 500,
  // 150: with the four structure columns a unit's sheet is 151 × 18 cells, so 2,000 of them and
  // a 200,000-row list stay within a spreadsheet's 10 million (docs/en/limits.md).
  unitRoom: 150,
  counts: 20,
  unitCounts: 3,
  plan: 50,
  settings: 10,
} as const;
