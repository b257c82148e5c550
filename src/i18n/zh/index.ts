import type { Messages } from '../en/index.js';
import { app } from './app.js';
import { lab } from './lab.js';

/** 简体中文消息目录，与 `../en/index.ts` 键一一对应（类型检查保证不缺项、不多项）。 */
export const zh: Messages = { app, lab };
