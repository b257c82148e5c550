import { useCallback, useRef, useState } from 'react';

/**
 * State whose latest value key handlers can read at once. Several keys can arrive in one read (a
 * paste, fast typing, tmux send-keys) and ink calls the handlers for all of them before React has
 * re-rendered, so a handler reading render-time state would act on a stale value (two → presses
 * moving one place). `get()` returns the value the previous key left.
 */
export function useLatestState<T>(initial: T | (() => T)): readonly [T, () => T, (next: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(initial);
  const ref = useRef<T>(value);
  const get = useCallback(() => ref.current, []);
  const set = useCallback((next: T | ((prev: T) => T)) => {
    ref.current = typeof next === 'function' ? (next as (prev: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  return [value, get, set] as const;
}
