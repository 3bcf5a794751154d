// A reader of the little CBOR the search bundle uses (unsigned and negative integers, text, arrays), so
// that tests can look inside the files the bundle writer makes.
export type CborValue = number | string | CborValue[];

export function decodeCbor(bytes: Uint8Array): CborValue {
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
    if (!size) throw new Error(`CBOR: unsupported length form ${info} at ${at}`);
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + bytes[at++]!;
    return n;
  };
  const item = (): CborValue => {
    const first = bytes[at++]!;
    const major = first >> 5;
    const n = length(first & 31);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 3: {
        const text = new TextDecoder().decode(bytes.subarray(at, at + n));
        at += n;
        return text;
      }
      case 4:
        return Array.from({ length: n }, item);
      default:
        throw new Error(`CBOR: unsupported major type ${major}`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes after the value`);
  return value;
}
