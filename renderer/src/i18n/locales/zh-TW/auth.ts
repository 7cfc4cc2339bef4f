import type base from '../zh-CN/auth'

export default {
  setup: {
    title: '首次使用：建立管理員帳號',
    intro: '本機尚無任何帳號。請建立管理員帳號，系統沒有預設密碼，請牢記您設定的密碼。',
    username: '使用者名稱',
    usernameHint: '字母、數字或漢字，至少 2 位',
    displayName: '姓名',
    password: '密碼',
    passwordHint: '至少 8 位',
    confirm: '確認密碼',
    submit: '建立並登入',
    mismatch: '兩次輸入的密碼不一致',
  },
  signIn: {
    title: '登入',
    username: '使用者名稱',
    password: '密碼',
    submit: '登入',
  },
  lock: {
    title: '已鎖定',
    intro: '長時間未操作，系統已自動鎖定。請輸入 {name} 的密碼解鎖，未儲存的內容會保留。',
    password: '密碼',
    unlock: '解鎖',
    switchUser: '切換帳號登入',
    switchConfirm: '切換帳號將登出目前帳號，尚未儲存的填寫內容將會遺失。確定繼續嗎？',
  },
  signOut: '登出',
  signOutConfirm: '確定登出嗎？尚未儲存的填寫內容將會遺失。',
  roles: {
    admin: '管理員',
    staff: '社區工作者',
    secretary: '支部書記/組織委員',
    coordinator: '志願服務協調員',
  },
} satisfies typeof base
