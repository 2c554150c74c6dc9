// Markdown export helpers: user text goes in as plain text, whatever Markdown or HTML it contains.

/**
 * User text made inert in Markdown: HTML's &, < and > become entities (no raw HTML survives), every Markdown
 * punctuation character is backslash-escaped (no links, images, emphasis, headings, lists or tables), and line
 * breaks become spaces so a text cannot start a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~:"']/g, (c) => `\\${c}`)
    .replace(/\s*[\r\n]+\s*/g, ' ');
}
