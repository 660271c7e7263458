// FNV-1a, 32 bits: a short, stable fingerprint of a text, for keys and for "has this changed"
// checks. Not a secret: it only keeps stored values short.
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The unsigned 32-bit FNV-1a hash of the text's UTF-16 code units. */
export function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}
