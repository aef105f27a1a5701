/**
 * Answers gathered into large writes: one write per line would make a large batch I/O-bound. Each
 * write is awaited, so a slow reader slows the command down instead of filling memory.
 */
export class AnswerWriter {
  private pending: string[] = [];
  private characters = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly chunkCharacters = 64 * 1024,
  ) {}

  add(answer: string): void {
    this.pending.push(answer);
    this.characters += answer.length + 1;
  }

  async flushWhenFull(): Promise<void> {
    if (this.characters >= this.chunkCharacters) await this.flush();
  }

  /** Writes every answer gathered so far. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.characters = 0;
    await new Promise<void>((resolve, reject) => {
      this.stream.write(text, (error) => (error ? reject(error) : resolve()));
    });
  }
}
