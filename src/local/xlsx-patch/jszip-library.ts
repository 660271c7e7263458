// JSZip, loaded when a zip is first opened or made for writing rather than when ptdv starts: the
// commands that only read (report, check) read the file with yauzl and never need it, and loading
// it with the internals below took 30-50 ms of each of their runs (measured alone).
import type JSZip from 'jszip';
import type CompressedObject from 'jszip/lib/compressedObject';
import type crc32 from 'jszip/lib/crc32';
import type DEFLATE from 'jszip/lib/flate';

let library: typeof JSZip | undefined;

/** The JSZip class. */
export function jszip(): typeof JSZip {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  library ??= require('jszip') as typeof JSZip;
  return library;
}

/** JSZip's own parts that hand it a part already deflated (jszip-internals.d.ts). */
export interface JSZipInternals {
  CompressedObject: typeof CompressedObject;
  crc32: typeof crc32;
  DEFLATE: typeof DEFLATE;
}

let internals: JSZipInternals | undefined;

export function jszipInternals(): JSZipInternals {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
  internals ??= {
    CompressedObject: require('jszip/lib/compressedObject') as typeof CompressedObject,
    crc32: require('jszip/lib/crc32') as typeof crc32,
    DEFLATE: require('jszip/lib/flate') as typeof DEFLATE,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return internals;
}
