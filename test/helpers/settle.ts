/**
 * ink-testing-library's render, remembering the latest rendered app, and `settle()`: wait until React
 * has finished what the last key or update started. A fixed number of turns is not enough under load:
 * React's scheduler works in 5 ms slices and yields between them, so a busy machine needs more turns
 * for the same render (a fixed wait of three turns read a stale frame in test/lab/lab-screen once).
 * settle() waits at least three turns, then until the frame has stayed the same for five more, at most
 * 400 turns in all.
 */
import { render as inkRender } from 'ink-testing-library';

let current: (() => string | undefined) | undefined;

export function render(...args: Parameters<typeof inkRender>): ReturnType<typeof inkRender> {
  const r = inkRender(...args);
  current = r.lastFrame;
  return r;
}

const macrotask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await macrotask();
  let last = current?.();
  let stable = 0;
  for (let i = 0; i < 400 && stable < 5; i++) {
    await macrotask();
    const now = current?.();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}
