import type base from '../zh-CN/errors-imports'

export default {
  unknownImport:
    'This import is no longer in memory (the app restarted, or more files were opened). Choose the file again.',
  unreadable:
    'This file cannot be read. Choose an Excel (.xlsx) or CSV file; save an old .xls as .xlsx in Excel first.',
  oldXls: 'This is an old Excel file (.xls). Save it as .xlsx in Excel or WPS (Save As), then import that.',
  empty: 'The file is empty.',
  noHeader: 'No header found: none of the first 30 rows names columns such as 姓名 or 身份证号.',
  busy: 'This file is being imported; wait until it finishes.',
  alreadyDone: 'This file has been imported. To import it again, choose the file again.',
  notChecked: 'Check the rows first.',
} satisfies typeof base
