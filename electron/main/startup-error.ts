/** What the desktop app says when it cannot start: the error, and the data folder it tried, Chinese first. */

export function startupFailure(dataDir: string, error: unknown): { title: string; content: string } {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    title: '湘南湘西选址助手无法启动 / The site-selection assistant cannot start',
    content: [
      `启动时出错 / Start-up failed:\n${reason}`,
      `数据文件夹 / Data folder:\n${dataDir}`,
      '请检查该文件夹是否存在、可写、磁盘未满，然后重新打开本程序。\nCheck that the folder exists and is writable and that the disk is not full, then start the app again.',
    ].join('\n\n'),
  };
}
