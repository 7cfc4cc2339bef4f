/** The visit planner: pure functions over plain data (no database), so it is tested and benchmarked alone. */
export * from './types'
export * from './time'
export { computeDemands, personDemands } from './demand'
export { planVisits } from './plan'
export {
  checkMove,
  MOVE_RULES,
  type MoveConflict,
  type MoveRule,
  type PlanVisitRef,
  type VisitMove,
} from './check-move'
