/** The Lexical theme: class names for every node the editor renders, styled in editor.css. */
import type { EditorThemeClasses } from 'lexical';

/** One theme object for the whole editor. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  quote: 'ed-quote',
  heading: { h1: 'ed-h1', h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4', h5: 'ed-h5', h6: 'ed-h6' },
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    listitemChecked: 'ed-li--checked',
    listitemUnchecked: 'ed-li--unchecked',
    nested: { listitem: 'ed-li--nested' },
    checklist: 'ed-checklist',
  },
  link: 'ed-link',
  code: 'ed-code-block',
  hr: 'ed-hr',
  image: 'ed-image',
  table: 'ed-table',
  mdRawBlock: 'ed-raw-block',
  mdRawText: 'ed-raw-text',
  mdAlert: 'ed-alert',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  tableRow: 'ed-tr',
  tableScrollableWrapper: 'ed-table-scroll',
  tableSelection: 'ed-table--selecting',
  tableCellSelected: 'ed-td--selected',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    code: 'ed-code',
    strikethrough: 'ed-strike',
    underline: 'ed-underline',
  },
};
