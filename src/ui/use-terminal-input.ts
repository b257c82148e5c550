import { useCallback, useLayoutEffect, useRef } from 'react';
import { useInput, useStdin, type Key } from 'ink';
import { keyOfRead } from './key-split.js';

/**
 * ink's useInput, with Backspace and Delete told apart (keyOfRead). ink emits each key's bytes on its
 * stdin's event emitter, synchronously, and useInput's listener parses them; a listener put before all
 * others (prependListener) keeps the bytes of the read being handled, which useInput does not pass on.
 */
export function useTerminalInput(handler: (input: string, key: Key) => void, options: { readonly isActive?: boolean } = {}): void {
  const { internal_eventEmitter: events } = useStdin();
  const read = useRef('');
  useLayoutEffect(() => {
    const keep = (data: unknown): void => {
      read.current = String(data);
    };
    events?.prependListener('input', keep);
    return () => {
      events?.removeListener('input', keep);
    };
  }, [events]);
  const onInput = useCallback((input: string, key: Key) => handler(input, keyOfRead(read.current, key)), [handler]);
  useInput(onInput, options);
}
