// LocalIdentity: the demo sign-in entry (h5 build) or nothing (weapp build); see the platform files.
export { LocalIdentity } from './local-identity'
