import { createContext, useCallback, useMemo } from 'react';
import type { Key } from 'ink';
import { useTerminalInput } from './use-terminal-input.js';

export type KeyHandler = (input: string, key: Key) => void;

/**
 * One ink input listener for the whole app, fanning keys out to the handlers of the mounted screens.
 * Why: ink's useInput subscribes in a passive effect, and React may run the passive effects of a
 * commit only when the next update comes, so the first key after a screen opens would reach no
 * handler of the new screen (seen in tmux: the first → after opening Concepts was lost). Handlers
 * here subscribe in a layout effect, which runs in the commit itself.
 */
export class KeyBus {
  private handlers: KeyHandler[] = [];

  subscribe(handler: KeyHandler): () => void {
    this.handlers.push(handler);
    return () => {
      this.handlers = this.handlers.filter((h) => h !== handler);
    };
  }

  /** In subscription order (children before the frame). A handler unsubscribed by an earlier one is
   * skipped; one subscribed during this key does not receive it. */
  dispatch(input: string, key: Key): void {
    const now = this.handlers;
    for (const h of now) if (this.handlers.includes(h)) h(input, key);
  }
}

export const KeyBusContext = createContext<KeyBus | undefined>(undefined);

export function KeyBusProvider({ children }: { readonly children: React.ReactNode }): React.JSX.Element {
  const bus = useMemo(() => new KeyBus(), []);
  const onKey = useCallback<KeyHandler>((input, key) => bus.dispatch(input, key), [bus]);
  useTerminalInput(onKey);
  return <KeyBusContext.Provider value={bus}>{children}</KeyBusContext.Provider>;
}
