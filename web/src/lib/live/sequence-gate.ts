/**
 * Lets each change through once. Changes arrive at least once and in sequence order, from two paths that can
 * overlap (the group push and a rejoin's catch-up); the gate remembers the last sequence applied, refuses anything
 * at or below it, and that last sequence is what a rejoin asks to catch up after.
 */
export class SequenceGate {
  private lastSequence: number;

  constructor(last: number) {
    this.lastSequence = last;
  }

  get last(): number {
    return this.lastSequence;
  }

  /** True, and the gate moves past it, for a change not seen yet; false for one at or below the last. */
  accept(change: { sequence: number }): boolean {
    if (change.sequence <= this.lastSequence) {
      return false;
    }
    this.lastSequence = change.sequence;
    return true;
  }

  /** Starts over from `last` (after a full reload). */
  reset(last: number): void {
    this.lastSequence = last;
  }
}
