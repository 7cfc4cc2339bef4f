import type base from '../zh-CN/errors-admin-backups'

export default {
  folder:
    'The chosen folder cannot be written ({path}): check that the USB stick is in and not write-protected, or choose another folder. Your data is untouched.',
  full: 'There is not enough space at {path}: the backup did not complete and no partial file was left. Use a USB stick or folder with more space.',
  other:
    'The backup did not complete ({path}); your data is untouched. Try again, and tell the administrator if it keeps happening.',
  notSqlite: 'This PC uses a server database: back up and restore on the server.',
  noDialog: 'No folder dialog can be opened here.',
  checkAgain: 'Choose and check the backup file again.',
  stageFailed:
    'The restore could not be prepared in the data folder ({path}); your data is untouched. Check the disk space.',
  refused: {
    notFound: 'The backup file "{file}" was not found.',
    notDatabase: '"{file}" is not a data file of this app and cannot be restored. Your data is untouched.',
    corrupt:
      '"{file}" is damaged or incomplete (perhaps a copy was cut short) and cannot be restored. Your data is untouched.',
    foreign: '"{file}" is another program\'s database, not a backup of this app. Your data is untouched.',
    tooNew: '"{file}" comes from a newer version of the app: update this app first. Your data is untouched.',
    unreadable: '"{file}" cannot be read. Your data is untouched.',
  },
} satisfies typeof base
