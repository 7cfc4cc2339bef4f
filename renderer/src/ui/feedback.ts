/**
 * Toasts and confirmations. ElMessage and ElMessageBox are used from script only, so the
 * on-demand resolver cannot see them: they and their styles are imported here, once. The style
 * sheets are named directly (what `element-plus/es/components/<name>/style/css` would pull in)
 * because that wrapper module, loaded from node_modules, cannot be imported by the component tests.
 */
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/theme-chalk/base.css'
import 'element-plus/theme-chalk/el-badge.css'
import 'element-plus/theme-chalk/el-message.css'
import 'element-plus/theme-chalk/el-input.css'
import 'element-plus/theme-chalk/el-button.css'
import 'element-plus/theme-chalk/el-overlay.css'
import 'element-plus/theme-chalk/el-message-box.css'
import { i18n } from '@/i18n'

export function toastError(message: string): void {
  ElMessage({ type: 'error', message, showClose: true, duration: 6000, grouping: true })
}

export function toastSuccess(message: string): void {
  ElMessage({ type: 'success', message, duration: 2500, grouping: true })
}

export function toastWarning(message: string): void {
  ElMessage({ type: 'warning', message, showClose: true, duration: 8000, grouping: true })
}

/** Resolves to true when the user confirms; Esc, the close button and "cancel" all say no. */
export async function confirmAction(
  message: string,
  options: { danger?: boolean; confirmText?: string } = {},
): Promise<boolean> {
  const { t } = i18n.global
  try {
    await ElMessageBox.confirm(message, t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: options.confirmText ?? t('common.actions.confirm'),
      cancelButtonText: t('common.actions.cancel'),
      confirmButtonClass: options.danger ? 'el-button--danger' : undefined,
    })
    return true
  } catch {
    return false
  }
}
