// errors.admin.*: messages the main process sends for this module
export default {}
