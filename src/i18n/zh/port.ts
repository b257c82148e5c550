import { ALIAS_NOTES_ZH } from '../alias-notes.js';
import type { Messages } from '../en/index.js';

/** `netkata port` 的文字输出；服务说明来自 IANA 注册表（英文原文），别名说明是 netkata 的，在此翻译。 */
export const port: Messages['port'] = {
  range: {
    'well-known': '知名端口（系统端口），0-1023',
    registered: '注册端口（用户端口），1024-49151',
    dynamic: '动态端口（私有、临时端口），49152-65535：IANA 从不分配',
  },
  reserved: 'IANA 保留；绑定端口 0 表示请操作系统分配任一空闲的临时端口',
  duplicateOf: (name) => `（IANA：与 ${name} 重复）`,
  noService: 'netkata 的服务表（IANA 注册表的子集）中没有这个端口的服务',
  notServiceName: (a) => `“${a.name}”不是 IANA 服务名：${a.note}`,
  footer: '（IANA 记录的是谁注册了这个端口号，而不是谁在上面监听）',
  aliasNotes: ALIAS_NOTES_ZH,
};
