/**
 * A binary min-heap of (priority, item) pairs in typed arrays, for the planner's searches. No decrease-key: a search
 * pushes an item again with a better priority and skips stale entries when it pops them, which is faster in
 * practice than keeping positions up to date.
 */
export class MinHeap {
  private priorities: Float64Array;
  private items: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.priorities = new Float64Array(Math.max(capacity, 16));
    this.items = new Int32Array(Math.max(capacity, 16));
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  push(item: number, priority: number): void {
    if (this.count === this.items.length) this.grow();
    const { priorities, items } = this;
    let at = this.count++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (priorities[parent]! <= priority) break;
      priorities[at] = priorities[parent]!;
      items[at] = items[parent]!;
      at = parent;
    }
    priorities[at] = priority;
    items[at] = item;
  }

  /** The priority of the item `pop` would return; Infinity when empty. */
  peekPriority(): number {
    return this.count > 0 ? this.priorities[0]! : Number.POSITIVE_INFINITY;
  }

  /** Removes and returns the item of least priority; -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const { priorities, items } = this;
    const top = items[0]!;
    const last = --this.count;
    const priority = priorities[last]!;
    const item = items[last]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= last) break;
      if (child + 1 < last && priorities[child + 1]! < priorities[child]!) child += 1;
      if (priorities[child]! >= priority) break;
      priorities[at] = priorities[child]!;
      items[at] = items[child]!;
      at = child;
    }
    priorities[at] = priority;
    items[at] = item;
    return top;
  }

  private grow(): void {
    const priorities = new Float64Array(this.priorities.length * 2);
    priorities.set(this.priorities);
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.priorities = priorities;
    this.items = items;
  }
}
