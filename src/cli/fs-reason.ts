/**
 * One short reason for a failed file-system call, for one-line errors (`cannot read: no such file`,
 * `stdin: is a directory`). The common codes get words; any other failure is named by its errno code
 * alone, never by Node's message, which repeats the path (and for an atomic write, the temporary one).
 */
import { t } from './text.js';

export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return t().cli.noSuchFile;
  if (code === 'EISDIR') return t().cli.isDirectory;
  if (code === 'EACCES') return t().cli.permissionDenied;
  if (typeof code === 'string') return code;
  return e instanceof Error ? e.message : String(e);
}
