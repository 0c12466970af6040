/**
 * A small CBOR (RFC 8949) decoder: enough to read the index metadata Pagefind
 * writes (`pagefind.*.pf_meta`, minicbor-encoded) at build time. Definite and
 * indefinite lengths, integers, byte and text strings, arrays, maps, floats
 * and simple values; tags are read through. Anything else is an error that
 * says where it stopped.
 */

export type CborValue = number | bigint | string | Uint8Array | boolean | null | undefined | CborValue[] | Map<CborValue, CborValue>;

const BREAK = Symbol('break');
type Item = CborValue | typeof BREAK;

export function decodeCbor(bytes: Uint8Array): CborValue {
  const reader = new CborReader(bytes);
  const value = reader.item();
  if (value === BREAK) reader.fail('unexpected break');
  if (!reader.atEnd()) reader.fail(`${reader.left()} bytes after the value`);
  return value as CborValue;
}

/** A cursor over the input; each method reads one part of RFC 8949's grammar. */
class CborReader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly text = new TextDecoder('utf-8', { fatal: true });
  private at = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(why: string): never {
    throw new Error(`CBOR: ${why} at byte ${this.at}`);
  }

  left(): number {
    return this.bytes.length - this.at;
  }

  atEnd(): boolean {
    return this.at === this.bytes.length;
  }

  /** Moves past `n` bytes, returning where they start. */
  private take(n: number): number {
    if (this.at + n > this.bytes.length) this.fail(`${n} more bytes needed, ${this.left()} left`);
    this.at += n;
    return this.at - n;
  }

  /** One data item, or BREAK (the end of an indefinite-length item). */
  item(): Item {
    const head = this.bytes[this.take(1)];
    const major = head >> 5;
    const info = head & 0x1f;
    switch (major) {
      case 0:
        return this.argument(info);
      case 1: {
        const n = this.argument(info);
        return typeof n === 'bigint' ? -1n - n : -1 - n;
      }
      case 2:
        return this.byteString(major, info);
      case 3:
        return this.text.decode(this.byteString(major, info));
      case 4:
        return this.array(info);
      case 5:
        return this.map(info);
      case 6:
        this.argument(info);
        return this.item();
      default:
        return this.simple(info);
    }
  }

  /** The argument of a head: its value, or -1 for an indefinite length. */
  private argument(info: number): number | bigint {
    if (info < 24) return info;
    if (info === 24) return this.bytes[this.take(1)];
    if (info === 25) return this.view.getUint16(this.take(2));
    if (info === 26) return this.view.getUint32(this.take(4));
    if (info === 27) {
      const big = this.view.getBigUint64(this.take(8));
      return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
    if (info === 31) return -1;
    return this.fail(`reserved additional information ${info}`);
  }

  private length(info: number): number {
    const n = this.argument(info);
    if (typeof n === 'bigint') return this.fail('length too large');
    return n;
  }

  /** The bytes of a byte or text string; an indefinite one is its chunks joined. */
  private byteString(major: number, info: number): Uint8Array {
    const n = this.length(info);
    if (n >= 0) return this.bytes.subarray(this.take(n), this.at);
    const parts: Uint8Array[] = [];
    for (;;) {
      const part = this.item();
      if (part === BREAK) break;
      if (typeof part === 'string') parts.push(new TextEncoder().encode(part));
      else if (part instanceof Uint8Array) parts.push(part);
      else this.fail(`indefinite string of major type ${major} holds another type`);
    }
    const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) out.set(p, (o += p.length) - p.length);
    return out;
  }

  private array(info: number): CborValue[] {
    const n = this.length(info);
    const out: CborValue[] = [];
    for (let i = 0; n < 0 || i < n; i++) {
      const v = this.item();
      if (v === BREAK) {
        if (n >= 0) this.fail('break inside a definite array');
        break;
      }
      out.push(v);
    }
    return out;
  }

  private map(info: number): Map<CborValue, CborValue> {
    const n = this.length(info);
    const out = new Map<CborValue, CborValue>();
    for (let i = 0; n < 0 || i < n; i++) {
      const k = this.item();
      if (k === BREAK) {
        if (n >= 0) this.fail('break inside a definite map');
        break;
      }
      const v = this.item();
      if (v === BREAK) this.fail('map key without a value');
      out.set(k, v as CborValue);
    }
    return out;
  }

  /** Major type 7: false, true, null, undefined, floats, break, unassigned simple values. */
  private simple(info: number): Item {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    if (info === 23) return undefined;
    if (info === 25) return getFloat16(this.view, this.take(2));
    if (info === 26) return this.view.getFloat32(this.take(4));
    if (info === 27) return this.view.getFloat64(this.take(8));
    if (info === 31) return BREAK;
    if (info < 24) return info;
    return this.fail(`simple value ${info}`);
  }
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
