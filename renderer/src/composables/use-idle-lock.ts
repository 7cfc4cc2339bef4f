/**
 * Calls `onIdle` after `minutes()` without keyboard, mouse or touch activity. Listens on the
 * window in the capture phase, so activity inside dialogs and inputs counts too.
 */
import { onBeforeUnmount, onMounted, watch } from 'vue'

const ACTIVITY = ['keydown', 'pointerdown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const

export function useIdleLock(options: { minutes: () => number; enabled: () => boolean; onIdle: () => void }) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let armedAt = 0

  function arm() {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (!options.enabled()) return
    armedAt = Date.now()
    timer = setTimeout(
      () => {
        timer = undefined
        if (options.enabled()) options.onIdle()
      },
      Math.max(1, options.minutes()) * 60_000,
    )
  }

  // Mouse moves come in bursts; re-arming once a second is plenty for a timer measured in minutes.
  function onActivity() {
    if (Date.now() - armedAt >= 1000 || timer === undefined) arm()
  }

  onMounted(() => {
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, { capture: true, passive: true })
    arm()
  })
  watch([options.enabled, options.minutes], arm)
  onBeforeUnmount(() => {
    for (const type of ACTIVITY) window.removeEventListener(type, onActivity, { capture: true })
    if (timer !== undefined) clearTimeout(timer)
  })
}
