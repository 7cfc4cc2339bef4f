import type base from '../zh-CN/auth'

export default {
  setup: {
    title: 'First start: create the administrator',
    intro:
      'There is no account on this computer yet. Create the administrator account. There is no default password, so keep the one you choose safe.',
    username: 'Username',
    usernameHint: 'Letters, digits or Chinese characters, at least 2',
    displayName: 'Full name',
    password: 'Password',
    passwordHint: 'At least 8 characters',
    confirm: 'Confirm password',
    submit: 'Create and sign in',
    mismatch: 'The two passwords differ',
  },
  signIn: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
  },
  lock: {
    title: 'Locked',
    intro:
      'The app locked itself after a period without activity. Enter the password of {name} to unlock; unsaved input is kept.',
    password: 'Password',
    unlock: 'Unlock',
    switchUser: 'Sign in as someone else',
    switchConfirm: 'Switching accounts signs the current account out, and any unsaved input will be lost. Continue?',
  },
  signOut: 'Sign out',
  signOutConfirm: 'Sign out now? Any unsaved input will be lost.',
  roles: {
    admin: 'Administrator',
    staff: 'Community worker',
    secretary: 'Party branch secretary',
    coordinator: 'Volunteer coordinator',
  },
} satisfies typeof base
