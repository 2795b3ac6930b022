import { describe, expect, it } from "vitest";
import { SequenceGate } from "./sequence-gate";

describe("SequenceGate", () => {
  it("lets through a sequence past the last and moves past it", () => {
    const gate = new SequenceGate(10);
    expect(gate.last).toBe(10);
    expect(gate.accept({ sequence: 12 })).toBe(true);
    expect(gate.last).toBe(12);
  });

  it("refuses a sequence at or below the last, without moving", () => {
    const gate = new SequenceGate(10);
    expect(gate.accept({ sequence: 10 })).toBe(false);
    expect(gate.accept({ sequence: 3 })).toBe(false);
    expect(gate.last).toBe(10);
  });

  it("lets each change of a repeated delivery through once", () => {
    const gate = new SequenceGate(0);
    const delivered = [1, 2, 2, 3, 1, 3, 4].filter((sequence) => gate.accept({ sequence }));
    expect(delivered).toEqual([1, 2, 3, 4]);
  });

  it("starts over from a reset", () => {
    const gate = new SequenceGate(5);
    gate.accept({ sequence: 9 });
    gate.reset(100);
    expect(gate.last).toBe(100);
    expect(gate.accept({ sequence: 50 })).toBe(false);
    expect(gate.accept({ sequence: 101 })).toBe(true);
  });
});
