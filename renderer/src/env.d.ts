/// <reference types="vite/client" />
/// <reference types="element-plus/global" />
import type { BridgeApi } from '@contract/api'

declare global {
  interface Window {
    /** Installed by the preload (or the end-to-end harness); read only by `api/index.ts`. */
    station: BridgeApi
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

export {}
