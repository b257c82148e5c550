import { createContext, useContext, useEffect } from 'react';

/**
 * What the frame and the screens tell each other about the keyboard: a screen that is typing text
 * says so (then `q` and `?` are letters, not commands), and the frame says when the help overlay owns
 * the keys (screens stop listening).
 */
export interface KeyControl {
  /** False while the help overlay is open. */
  readonly active: boolean;
  readonly setTextEntry: (on: boolean) => void;
}

export const KeyContext = createContext<KeyControl>({ active: true, setTextEntry: () => {} });

export function useKeyControl(): KeyControl {
  return useContext(KeyContext);
}

/** Declare that this screen is (or is not) capturing typed text while it is mounted. */
export function useTextEntry(on: boolean): void {
  const { setTextEntry } = useKeyControl();
  useEffect(() => {
    setTextEntry(on);
    return () => setTextEntry(false);
  }, [on, setTextEntry]);
}
