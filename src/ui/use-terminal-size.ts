import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  readonly width: number;
  readonly height: number;
}

/** The classic terminal the app must fit; used when the stream does not say (pipes, test streams). */
export const MIN_SIZE: TerminalSize = { width: 80, height: 24 };

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
  return {
    width: stdout.columns > 0 ? stdout.columns : MIN_SIZE.width,
    height: stdout.rows > 0 ? stdout.rows : MIN_SIZE.height,
  };
}

/** Columns and rows of the output terminal, updated on resize. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = (): void => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
