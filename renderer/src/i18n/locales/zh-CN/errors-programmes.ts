// errors.programmes.*: messages the main process sends for this module
export default {}
