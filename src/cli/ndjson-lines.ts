// NDJSON framing for `sla-bot evaluate`: bytes in, lines out, with the limits the README documents.

/** The longest line read, in bytes (1 MiB); a longer one is skipped, never held whole. */
export const MAX_LINE_BYTES = 1_048_576;

const LF = 0x0a;
const CR = 0x0d;
const BOM = '\ufeff';

/** A line as read: its text, or that it was too long (its size in bytes, counted, not kept). */
export type Line = { readonly text: string } | { readonly tooLongBytes: number };

/**
 * Splits bytes into lines. Only LF ends a line (CRLF too, the CR dropped); a lone CR is part of the
 * line. A line may start with a UTF-8 BOM, which is dropped. A line longer than `MAX_LINE_BYTES` is
 * counted to its end and reported as too long, without being kept.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private partsBytes = 0;
  /** Bytes of the current line so far once it is too long; -1 while it fits. */
  private overflow = -1;

  constructor(private readonly maxBytes = MAX_LINE_BYTES) {}

  /** Feeds a chunk; calls `onLine` for every line it completes, in order. */
  push(chunk: Buffer, onLine: (line: Line) => void): void {
    let start = 0;
    for (let end = chunk.indexOf(LF, start); end !== -1; end = chunk.indexOf(LF, start)) {
      onLine(this.finish(chunk, start, end));
      start = end + 1;
    }
    if (start < chunk.length) this.keep(chunk, start, chunk.length);
  }

  /** The last line, when the input does not end with LF. */
  end(onLine: (line: Line) => void): void {
    if (this.partsBytes > 0 || this.overflow >= 0) onLine(this.finish(Buffer.alloc(0), 0, 0));
  }

  private keep(chunk: Buffer, start: number, end: number): void {
    const length = end - start;
    if (this.overflow >= 0) {
      this.overflow += length;
    } else if (this.partsBytes + length > this.maxBytes) {
      this.overflow = this.partsBytes + length;
      this.parts = [];
      this.partsBytes = 0;
    } else {
      // A copy: the chunk's memory may be reused once this call returns.
      this.parts.push(Buffer.from(chunk.subarray(start, end)));
      this.partsBytes += length;
    }
  }

  private finish(chunk: Buffer, start: number, end: number): Line {
    let line: Line;
    if (this.overflow >= 0 || this.partsBytes + (end - start) > this.maxBytes) {
      line = { tooLongBytes: Math.max(this.overflow, this.partsBytes) + (end - start) };
    } else if (this.partsBytes === 0) {
      line = { text: lineText(chunk, start, end) };
    } else {
      this.parts.push(chunk.subarray(start, end));
      const whole = Buffer.concat(this.parts);
      line = { text: lineText(whole, 0, whole.length) };
    }
    this.parts = [];
    this.partsBytes = 0;
    this.overflow = -1;
    return line;
  }
}

function lineText(bytes: Buffer, start: number, end: number): string {
  const last = end > start && bytes[end - 1] === CR ? end - 1 : end;
  const text = bytes.toString('utf8', start, last);
  return text.startsWith(BOM) ? text.slice(1) : text;
}
