// errors.admin.*: messages the main process sends for this module
import backups from './errors-admin-backups'
export default {
  backups,
}
