// Gzip for the bundle's thousands of small files through one zlib stream, reset between files. zlib.gzipSync
// builds a stream (a Transform and zlib's state) for each call and tears it down again: at 10,000 bulletins,
// 14,000 of them, 0.1–0.5 s of the writer's CPU in alternating runs (docs/performance.md). Node offers no public synchronous way to
// reuse a stream, so this drives the stream's native handle the way gzipSync does inside it (writeSync into an
// output buffer until zlib is done, then reset); where a Node keeps its handle otherwise, it uses gzipSync.
import { constants, createGzip, gzipSync } from "node:zlib";

/** What gzipSync reaches in a zlib stream (node's lib/zlib.js): its native handle and the state it reports. */
interface NativeZlib {
  _handle?: {
    writeSync(
      flush: number,
      input: Uint8Array,
      inOff: number,
      inLen: number,
      out: Uint8Array,
      outOff: number,
      outLen: number,
    ): void;
    reset(): void;
  };
  _writeState?: Uint32Array;
  errored: Error | null;
  close(): void;
}

export class Gzipper {
  private readonly stream: NativeZlib | null;
  private out = Buffer.allocUnsafe(1 << 16);

  /** `reuse: false` takes gzipSync's way for every file (what another Node gets; tests compare the two). */
  constructor(
    private readonly level: number,
    reuse = true,
  ) {
    const stream = reuse ? (createGzip({ level }) as unknown as NativeZlib) : null;
    const usable = typeof stream?._handle?.writeSync === "function" && stream._writeState instanceof Uint32Array;
    this.stream = usable ? stream : null;
  }

  /** Whether files go through the one reused stream (false: gzipSync's way). */
  get reusing(): boolean {
    return this.stream !== null;
  }

  /**
   * Gzip of input at this level; valid until the next call. Not always gzipSync's bytes: zlib's window still
   * holds the file before, which can steer which match it picks (never what the bytes unzip to), so a file's
   * bytes depend on the files before it, and are the same from build to build.
   */
  gzip(input: Uint8Array): Buffer {
    const stream = this.stream;
    if (!stream) return gzipSync(input, { level: this.level });
    const handle = stream._handle!;
    const state = stream._writeState!;
    let inOff = 0;
    let outOff = 0;
    for (;;) {
      const outLen = this.out.length - outOff;
      handle.writeSync(constants.Z_FINISH, input, inOff, input.length - inOff, this.out, outOff, outLen);
      if (stream.errored) throw stream.errored;
      outOff += outLen - state[0]!;
      inOff = input.length - state[1]!;
      // zlib stops short of the end only when the output is full.
      if (state[0] !== 0) break;
      const next = Buffer.allocUnsafe(this.out.length * 2);
      this.out.copy(next);
      this.out = next;
    }
    handle.reset();
    return this.out.subarray(0, outOff);
  }

  /** Frees zlib's state now rather than whenever the stream is collected. */
  close(): void {
    this.stream?.close();
  }
}
