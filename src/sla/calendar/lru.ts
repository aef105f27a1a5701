/**
 * A bounded cache that keeps what is used: two generations of at most `capacity` entries each. A hit
 * in the old generation moves the entry to the new one; when the new one fills, the old is dropped.
 * Hits cost one Map lookup (no reordering), and memory stays flat however many years are asked for.
 */
export class Lru<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): V {
    if (this.current.size >= this.capacity && !this.current.has(key)) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
    return value;
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}
