// validation.visits.*: field messages for this module
export default {}
