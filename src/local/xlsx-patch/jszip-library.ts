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
  if (!library) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
    library = require('jszip') as typeof JSZip;
    readBuffersAsTheyAre();
  }
  return library;
}

interface ZipEntriesPrototype {
  prepareReader(this: { reader: unknown }, data: unknown): void;
}

/**
 * JSZip's reader of a Buffer first sets each byte of the whole file to itself (`data[i] = data[i]
 * & 0xFF` in lib/reader/ArrayReader.js, which the Buffer and Uint8Array readers inherit; it is
 * meant for plain arrays of numbers): 40-90 ms of the main thread each time a writing command
 * opens the bench's 12 MB workbook. A Buffer's bytes are bytes already, so its reader is made as
 * JSZip makes it, without that pass (lib/zipEntries.js's `prepareReader`, jszip 3.10; any other
 * data still goes to JSZip's own).
 */
function readBuffersAsTheyAre(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- JSZip's internals, loaded with it */
  const entries = (require('jszip/lib/zipEntries') as { prototype: ZipEntriesPrototype }).prototype;
  const BufferReader = require('jszip/lib/reader/NodeBufferReader') as { prototype: object };
  const DataReader = require('jszip/lib/reader/DataReader') as {
    call(self: object, d: Buffer): void;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const own = entries.prepareReader;
  entries.prepareReader = function (data) {
    if (!Buffer.isBuffer(data)) return own.call(this, data);
    const reader = Object.create(BufferReader.prototype) as object;
    DataReader.call(reader, data);
    this.reader = reader;
  };
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
