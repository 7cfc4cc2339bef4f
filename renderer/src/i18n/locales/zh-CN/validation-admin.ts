// validation.admin.*: field messages for this module
import backups from './validation-admin-backups'
export default {
  backups,
}
