/**
 * Bytes of the text in UTF-8: how a mail body travels and how Google measures a property (a
 * Vietnamese letter with its marks is 2 or 3 bytes, so 8,000 characters can be 20 KB).
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
