import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n, currentLocale } from './i18n'
import { createAppRouter } from './router'
import { onSessionEvent } from './api'
import { useAuthStore } from './stores/auth'
import './styles/main.css'

const app = createApp(App)
const pinia = createPinia()
const router = createAppRouter()
app.use(pinia).use(i18n).use(router)

document.documentElement.lang = currentLocale()

// Whichever call learns first that main locked or ended the session, the whole app follows.
onSessionEvent((event) => {
  const auth = useAuthStore(pinia)
  if (event === 'locked') {
    auth.markLocked()
  } else {
    auth.clearSession()
    void router.replace({ name: 'sign-in' })
  }
})

app.mount('#app')
