/** Zoom of the print preview: fit the width, or a fixed scale (1 = the printed size). */

export type Zoom = 'fit' | number

export const MIN_SCALE = 0.25
export const MAX_SCALE = 4
/** The steps + and − walk through, as a print preview's zoom usually offers. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale))
}

/**
 * The scale at which the widest page fills `availableWidth` (the pane's inner width, CSS px);
 * `pageWidths` are at 100%. An empty document or a pane not laid out yet gives 1.
 */
export function fitWidthScale(availableWidth: number, pageWidths: readonly number[]): number {
  const widest = Math.max(0, ...pageWidths)
  if (widest <= 0 || availableWidth <= 0) return 1
  return clampScale(availableWidth / widest)
}

/** The next step above `scale` (from "fit", say 1.07, + goes to 1.1). */
export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((s) => s > scale + 0.005) ?? MAX_SCALE
}

export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.005) ?? MIN_SCALE
}

/** "107%": what the zoom label shows. */
export function percent(scale: number): string {
  return `${Math.round(scale * 100)}%`
}
