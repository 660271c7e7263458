// exceljs's own value helpers (lib/utils/utils.js, exceljs 4.4), which its typings do not name:
// the lean read decodes cells with them so it agrees with the full reader.
declare module 'exceljs/lib/utils/utils' {
  const utils: {
    /** A serial day number (from 1900, or 1904) as a Date in UTC wall-clock time. */
    excelToDate(serial: number, date1904?: boolean): Date;
    /** A Date in UTC wall-clock time as a serial day number (from 1900, or 1904). */
    dateToExcel(date: Date, date1904?: boolean): number;
    /** Whether a number format shows a date or a time. */
    isDateFmt(format: string | undefined): boolean;
    /** `&lt;` and the other XML escapes read back. */
    xmlDecode(text: string): string;
  };
  export = utils;
}

// The full reader's shared string table (lib/xlsx/xform/strings/shared-strings-xform.js).
declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform' {
  class SharedStringsXform {
    /** Reads the part's XML from chunks of text. */
    parseStream(chunks: AsyncIterable<unknown>): Promise<unknown>;
    /** Each string: text, or `{ richText }`; undefined before anything is read. */
    readonly values: unknown[] | undefined;
  }
  export = SharedStringsXform;
}
