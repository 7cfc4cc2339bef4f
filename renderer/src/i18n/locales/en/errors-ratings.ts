import type base from '../zh-CN/errors-ratings'

export default {
  staleEdit: 'This record was changed while you were editing it (perhaps on another PC). Close it and open it again.',
  alreadyRated: '{quarter} is already rated. Use "Re-rate" in the list to change it.',
  lastCriterion: 'Keep at least one checklist item.',
  nothingRated: 'No business has been rated for {quarter} yet: there are no results to print.',
  noCertificate: 'A business rated C gets no certificate.',
} satisfies typeof base
