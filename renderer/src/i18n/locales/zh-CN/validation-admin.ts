// validation.admin.*: field messages for this module
export default {}
