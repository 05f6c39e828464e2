import { strToU8, zipSync } from 'fflate';

/** A real ZIP archive (one text file). */
export function zipBytes(): Uint8Array {
  return zipSync({ 'notes.txt': strToU8('The final files, as agreed.') });
}

/** A Windows executable's first bytes ("MZ"), to be named work.pdf. */
export function exeBytes(): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes[0] = 0x4d;
  bytes[1] = 0x5a;
  return bytes;
}
