// validation.imports.*: field messages for this module
export default {}
