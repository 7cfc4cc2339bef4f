// errors.admin.backups.*: what main says when a backup or a restore cannot go on
export default {
  folder: '无法写入所选文件夹（{path}）：请检查 U 盘是否插好、是否写保护，或换一个文件夹。现有数据未受影响。',
  full: '所选位置空间不足（{path}），备份没有完成，也没有留下不完整的文件。请换一个有空间的 U 盘或文件夹。',
  other: '备份没有完成（{path}），现有数据未受影响。请重试；如反复出现，请联系管理员。',
  notSqlite: '本机使用服务器数据库，备份和恢复请在服务器上进行。',
  noDialog: '此环境无法打开选择文件夹的窗口。',
  checkAgain: '请重新选择并检查备份文件。',
  stageFailed: '无法在数据文件夹（{path}）中准备恢复，现有数据未受影响。请检查磁盘空间。',
  refused: {
    notFound: '找不到备份文件“{file}”。',
    notDatabase: '“{file}”不是本程序的数据文件，不能用来恢复。现有数据未受影响。',
    corrupt: '“{file}”已损坏或不完整（可能复制时中断），不能用来恢复。现有数据未受影响。',
    foreign: '“{file}”是其他程序的数据库，不是本程序的备份。现有数据未受影响。',
    tooNew: '“{file}”来自更新版本的程序，请先升级本程序再恢复。现有数据未受影响。',
    unreadable: '无法读取“{file}”。现有数据未受影响。',
  },
}
