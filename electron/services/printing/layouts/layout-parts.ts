/** What each notice layout receives and gives back, before the page shell wraps it. */

export interface NoticeContent {
  title: string
  /** Sanitised HTML with its variables filled. */
  bodyHtml: string
  issuer: string
  /** ISO date (YYYY-MM-DD). */
  issueDate: string
  showStamp: boolean
}

export interface LayoutParts {
  /** The layout's CSS, `@page` rules included. */
  css: string
  /** The page's body content. */
  bodyHtml: string
}
