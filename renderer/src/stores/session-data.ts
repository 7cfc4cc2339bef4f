/** What one account saw must not greet the next: every store that holds data is emptied at sign-out. */
import type { Pinia } from 'pinia'
import { useImportsStore } from './imports'
import { useNoticesStore } from './notices'
import { usePartyStore } from './party'
import { usePlacesStore } from './places'
import { useResidentsStore } from './residents'
import { useSettingsStore } from './settings'
import { useTagsStore } from './tags'

export function clearSessionData(pinia?: Pinia): void {
  useResidentsStore(pinia).clear()
  usePlacesStore(pinia).clear()
  useTagsStore(pinia).clear()
  useSettingsStore(pinia).clear()
  useNoticesStore(pinia).clear()
  usePartyStore(pinia).clear()
  useImportsStore(pinia).clear()
}
