/**
 * A small CBOR (RFC 8949) decoder: enough to read the index metadata Pagefind
 * writes (`pagefind.*.pf_meta`, minicbor-encoded) at build time. Definite and
 * indefinite lengths, integers, byte and text strings, arrays, maps, floats
 * and simple values; tags are read through. Anything else is an error that
 * says where it stopped.
 */

export type CborValue = number | bigint | string | Uint8Array | boolean | null | undefined | CborValue[] | Map<CborValue, CborValue>;

const BREAK = Symbol('break');

export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;

  const fail = (why: string): never => {
    throw new Error(`CBOR: ${why} at byte ${at}`);
  };
  const need = (n: number) => {
    if (at + n > bytes.length) fail(`${n} more bytes needed, ${bytes.length - at} left`);
  };

  /** The argument of a head: its value, or -1 for an indefinite length. */
  function argument(info: number): number | bigint {
    if (info < 24) return info;
    if (info === 24) return need(1), bytes[at++];
    if (info === 25) return need(2), (at += 2), view.getUint16(at - 2);
    if (info === 26) return need(4), (at += 4), view.getUint32(at - 4);
    if (info === 27) {
      need(8);
      const big = view.getBigUint64(at);
      at += 8;
      return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
    if (info === 31) return -1;
    return fail(`reserved additional information ${info}`);
  }

  function length(info: number): number {
    const n = argument(info);
    if (typeof n === 'bigint') return fail('length too large');
    return n;
  }

  function chunks(major: number, info: number): Uint8Array {
    const n = length(info);
    if (n >= 0) {
      need(n);
      at += n;
      return bytes.subarray(at - n, at);
    }
    const parts: Uint8Array[] = [];
    for (;;) {
      const part = item();
      if (part === BREAK) break;
      if (typeof part === 'string') parts.push(new TextEncoder().encode(part));
      else if (part instanceof Uint8Array) parts.push(part);
      else fail(`indefinite string of major type ${major} holds another type`);
    }
    const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) out.set(p, (o += p.length) - p.length);
    return out;
  }

  function item(): CborValue | typeof BREAK {
    need(1);
    const head = bytes[at++];
    const major = head >> 5;
    const info = head & 0x1f;
    switch (major) {
      case 0:
        return argument(info);
      case 1: {
        const n = argument(info);
        return typeof n === 'bigint' ? -1n - n : -1 - n;
      }
      case 2:
        return chunks(major, info);
      case 3:
        return text.decode(chunks(major, info));
      case 4: {
        const n = length(info);
        const out: CborValue[] = [];
        for (let i = 0; n < 0 || i < n; i++) {
          const v = item();
          if (v === BREAK) {
            if (n >= 0) fail('break inside a definite array');
            break;
          }
          out.push(v);
        }
        return out;
      }
      case 5: {
        const n = length(info);
        const out = new Map<CborValue, CborValue>();
        for (let i = 0; n < 0 || i < n; i++) {
          const k = item();
          if (k === BREAK) {
            if (n >= 0) fail('break inside a definite map');
            break;
          }
          const v = item();
          if (v === BREAK) fail('map key without a value');
          out.set(k, v as CborValue);
        }
        return out;
      }
      case 6:
        argument(info);
        return item();
      default: {
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        if (info === 25) return need(2), (at += 2), getFloat16(view, at - 2);
        if (info === 26) return need(4), (at += 4), view.getFloat32(at - 4);
        if (info === 27) return need(8), (at += 8), view.getFloat64(at - 8);
        if (info === 31) return BREAK;
        if (info < 24) return info;
        return fail(`simple value ${info}`);
      }
    }
  }

  const value = item();
  if (value === BREAK) fail('unexpected break');
  if (at !== bytes.length) fail(`${bytes.length - at} bytes after the value`);
  return value as CborValue;
}

function getFloat16(view: DataView, at: number): number {
  const half = view.getUint16(at);
  const exp = (half >> 10) & 0x1f;
  const frac = half & 0x3ff;
  const sign = half & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}
