// errors.visits.*: messages the main process sends for this module
export default {}
