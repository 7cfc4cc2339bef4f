import common from './common'
import auth from './auth'
import layout from './layout'
import residents from './residents'
import places from './places'
import settings from './settings'
import errors from './errors'
import validation from './validation'
import warnings from './warnings'
import options from './options'
import notices from './notices'
import print from './print'
import party from './party'
import imports from './imports'
import admin from './admin'
import exports from './exports'
import programmes from './programmes'
import visits from './visits'
import ratings from './ratings'
import appointments from './appointments'
import home from './home'
import visitCalendar from './visit-calendar'
import visitPrint from './visit-print'
import visitAdmin from './visit-admin'

const messages = {
  common,
  auth,
  layout,
  residents,
  places,
  settings,
  errors,
  validation,
  warnings,
  options,
  notices,
  print,
  party,
  imports,
  admin,
  exports,
  programmes,
  visits,
  ratings,
  appointments,
  home,
  visitCalendar,
  visitPrint,
  visitAdmin,
}
export default messages
