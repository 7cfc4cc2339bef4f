// validation.exports.*: field messages for this module
export default {}
