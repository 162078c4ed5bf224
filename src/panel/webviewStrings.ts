// Webview UI text per display language; the host sends it in the `init` message.
import type { StringKey } from '../../webview/strings';

/** Simplified Chinese for every webview string (English is the webview's default). */
export const ZH_CN: Record<StringKey, string> = {
  fit: '适应',
  fitTitle: '显示整个运行过程',
  stop: '停止',
  hint: 'Ctrl+滚轮或在时间轴上滚动：缩放 · 拖动：平移',
  waiting: '等待第一批事件…',
  mainDone: '主进程代码结束',
  duration: '时长',
  processes: '进程',
  tickets: '票',
  sold: '已售',
  available: '可售',
  oversold: '超卖！',
  lockWait: '等锁',
  total: '共',
  max: '最长',
  badFrames: '坏帧',
  dropped: '已丢弃',
  events: '事件',
  stillOpen: '仍在进行',
  childOf: '父进程',
  daemon: '守护进程',
  killed: '被终止',
  lived: '存活',
  running: '运行中',
  'span.run': '运行',
  'span.sleep': '休眠',
  'span.lockWait': '等待锁',
  'span.lockHold': '持有锁',
  'mark.start': '进程开始',
  'mark.end': '进程结束（退出码）',
  'mark.print': '打印',
  'mark.release': '释放锁',
  'mark.spawn': '启动进程',
  'mark.exc': '异常',
  'mark.io': '读写文件',
  'mark.mark': '标记',
  'state.starting': '启动中',
  'state.running': '运行中',
  'state.finished': '已完成',
  'state.failed': '失败',
  'state.stopped': '已停止',
};

/** The strings to send for a VS Code display language (`vscode.env.language`). */
export function webviewStrings(language: string): Record<string, string> {
  return language.toLowerCase().startsWith('zh') ? ZH_CN : {};
}
