/**
 * Text for a one-line comment in generated code, in any language we write: one line, and nothing
 * that ends a block comment (a star then a slash) or a PHP block (`?>`, which ends PHP even inside
 * a `//` comment).
 * Shared by the handler skeletons and the missing-cases fix, which both put advice in comments.
 */
export function commentSafe(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\*\//g, '* /').replace(/\?>/g, '? >').trim();
}
