// errors.exports.*: messages the main process sends for this module
export default {}
