/** Filled by the helper who owns this namespace. */
export default {}
