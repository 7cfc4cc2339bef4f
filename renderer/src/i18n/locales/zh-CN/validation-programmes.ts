// validation.programmes.*: field messages for this module
export default {}
