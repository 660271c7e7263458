// JSZip's own parts (lib/compressedObject.js, lib/crc32.js, lib/flate.js; jszip 3.10), which its
// typings do not name: a part ptdv writes is deflated by Node's zlib and handed to JSZip already
// compressed, as JSZip itself holds a part it read from the file.
declare module 'jszip/lib/compressedObject' {
  class CompressedObject {
    constructor(
      compressedSize: number,
      uncompressedSize: number,
      crc32: number,
      compression: unknown,
      data: Uint8Array,
    );
  }
  export = CompressedObject;
}

declare module 'jszip/lib/crc32' {
  /** The CRC-32 of the bytes, as the zip's headers hold it. */
  function crc32(input: Uint8Array): number;
  export = crc32;
}

declare module 'jszip/lib/flate' {
  /** The DEFLATE method as JSZip names it (the `magic` in a zip entry's header). */
  const deflate: { magic: string };
  export = deflate;
}
