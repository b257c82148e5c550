import { useCallback, useContext, useLayoutEffect, useRef } from 'react';
import { KeyBusContext, type KeyHandler } from './key-bus.js';
import { useKeyControl } from './key-context.js';
import { splitKeys } from './key-split.js';
import { useTerminalInput } from './use-terminal-input.js';

export type { KeyHandler } from './key-bus.js';

/**
 * ink's useInput re-subscribes its handler in a passive effect after every render, so a key that
 * arrives before that effect runs reaches the previous render's handler (stale state: a key typed
 * right after `?` would not close the help). Here the listener is stable and calls the latest
 * handler, refreshed in a layout effect. A screen's keys also stop while the help overlay is open.
 */
export function useKeys(handler: KeyHandler, options: { readonly isActive?: boolean; readonly global?: boolean; readonly splitPastes?: boolean } = {}): void {
  const { active } = useKeyControl();
  const enabled = (options.isActive ?? true) && (options.global === true || active);
  const split = options.splitPastes ?? true;
  const latest = useRef<{ handler: KeyHandler; enabled: boolean; split: boolean }>({ handler, enabled, split });
  useLayoutEffect(() => {
    latest.current = { handler, enabled, split };
  });
  const stable = useCallback<KeyHandler>((chunk, chunkKey) => {
    // Control keys of one read, one by one (key-split.ts); each handler call may re-render, so `latest`
    // is read again before each.
    for (const [input, key] of splitKeys(chunk, chunkKey)) {
      if (!latest.current.enabled) return;
      // ink hands several printable characters that arrive in one read over as one string (a paste);
      // a screen of one-letter commands must see `nnn` as three presses. Input lines get the same text.
      const chars = [...input];
      if (latest.current.split && chars.length > 1 && !key.ctrl && !key.meta && !/[\u0000-\u001f\u007f]/.test(input)) {
        for (const ch of chars) if (latest.current.enabled) latest.current.handler(ch, key);
      } else latest.current.handler(input, key);
    }
  }, []);
  // Inside the app the key bus delivers (subscribed at commit, see key-bus.tsx); a component rendered
  // on its own (tests) listens to ink directly.
  const bus = useContext(KeyBusContext);
  useLayoutEffect(() => (bus === undefined ? undefined : bus.subscribe(stable)), [bus, stable]);
  useTerminalInput(stable, { isActive: bus === undefined });
}
