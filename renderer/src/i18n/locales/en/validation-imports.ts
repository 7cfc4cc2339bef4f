import type base from '../zh-CN/validation-imports'

export default {
  unknownImport: 'This import has expired; choose the file again.',
  nameColumn: 'Choose the column that holds the name (姓名).',
  columnTwice: 'One column cannot fill two fields.',
  emptyFile: 'The file is empty.',
  fileTooLarge: 'The file is too large (about 60 MB at most); import it in several files.',
} satisfies typeof base
