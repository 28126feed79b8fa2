import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap.ts';

describe('MinHeap', () => {
  it('pops items in order of priority, growing past its first capacity', () => {
    const heap = new MinHeap(4);
    const priorities = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) / 10);
    priorities.forEach((priority, item) => heap.push(item, priority));
    expect(heap.size).toBe(1000);
    const popped: number[] = [];
    while (heap.size > 0) {
      const priority = heap.peekPriority();
      popped.push(priority);
      expect(priorities[heap.pop()]).toBe(priority);
    }
    expect(popped).toEqual([...priorities].sort((a, b) => a - b));
    expect(heap.pop()).toBe(-1);
    expect(heap.peekPriority()).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps equal priorities and starts empty again after clear', () => {
    const heap = new MinHeap();
    for (const item of [3, 1, 2]) heap.push(item, 5);
    expect([heap.pop(), heap.pop(), heap.pop()].sort()).toEqual([1, 2, 3]);
    heap.push(9, 1);
    heap.clear();
    expect(heap.size).toBe(0);
  });
});
