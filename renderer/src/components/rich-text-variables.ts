/**
 * Marks each `{{variable}}` in the editor (a decoration: the saved HTML does not change), so a
 * clerk sees at a glance which parts of a notice are still to fill, as the warnings list names them.
 */
import { Extension } from '@tiptap/vue-3'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'

const PLACEHOLDER = /\{\{[^{}<>]*\}\}/g

function decorate(doc: ProseMirrorNode): DecorationSet {
  const found: Decoration[] = []
  doc.descendants((node, pos) => {
    if (!node.isText || !node.text) return
    for (const m of node.text.matchAll(PLACEHOLDER)) {
      found.push(Decoration.inline(pos + m.index, pos + m.index + m[0].length, { class: 'rte-variable' }))
    }
  })
  return DecorationSet.create(doc, found)
}

export const VariableHighlight = Extension.create({
  name: 'variableHighlight',
  addProseMirrorPlugins() {
    const key = new PluginKey<DecorationSet>('variableHighlight')
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => decorate(state.doc),
          apply: (tr, old) => (tr.docChanged ? decorate(tr.doc) : old),
        },
        props: {
          decorations: (state) => key.getState(state),
        },
      }),
    ]
  },
})
