// errors.imports.*: messages the main process sends for this module
export default {}
