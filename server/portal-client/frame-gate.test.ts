import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameGate } from './frame-gate.js';

// The waits are read on a fake clock: "at once" and "only maxWaitMs" are exact there, where a
// wall-clock bound failed or passed by luck on a loaded machine.
describe('frame gate', () => {
  afterEach(() => vi.useRealTimers());

  it('lets background requests through at once when no frame of their portal is being opened', async () => {
    vi.useFakeTimers();
    const gate = new FrameGate();
    let through = false;
    void gate.during('other', () => gate.clear('p1', 1000)).then(() => (through = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(through).toBe(true);
  });

  it('holds a portal’s background requests until its last frame is verified', async () => {
    const gate = new FrameGate();
    const order: string[] = [];
    let finishA!: () => void;
    let finishB!: () => void;
    const a = gate.during('p1', () => new Promise<void>((r) => (finishA = r)).then(() => order.push('frame a')));
    const b = gate.during('p1', () => new Promise<void>((r) => (finishB = r)).then(() => order.push('frame b')));
    const background = gate.clear('p1', 5000).then(() => order.push('background'));
    expect(gate.opening('p1')).toBe(2);
    finishA();
    await a;
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['frame a']);
    finishB();
    await Promise.all([b, background]);
    expect(order).toEqual(['frame a', 'frame b', 'background']);
    expect(gate.opening('p1')).toBe(0);
  });

  it('is a pause, not a stop: a frame that never ends holds background requests only maxWaitMs', async () => {
    vi.useFakeTimers();
    const gate = new FrameGate();
    void gate.during('p1', () => new Promise(() => undefined));
    let through = false;
    void gate.clear('p1', 150).then(() => (through = true));
    await vi.advanceTimersByTimeAsync(149);
    expect(through).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(through).toBe(true);
  });

  it('a frame that fails still opens the gate', async () => {
    const gate = new FrameGate();
    await expect(gate.during('p1', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(gate.opening('p1')).toBe(0);
  });
});
