/** The slice of mvdan-sh (mvdan/sh's parser, compiled to JavaScript by GopherJS) that lint uses. */
declare module "mvdan-sh" {
  /** A position in the source: offsets and columns count UTF-8 bytes, as in Go. */
  export interface ShellPos {
    Offset(): number;
    Line(): number;
    Col(): number;
  }

  /** Any syntax node; its fields depend on `syntax.NodeType(node)` (CallExpr, Word, Lit, ...). */
  export interface ShellNode {
    Pos(): ShellPos;
    End(): ShellPos;
    // biome-ignore lint/suspicious/noExplicitAny: GopherJS nodes carry their Go struct's fields
    [field: string]: any;
  }

  /** What Parse throws on a script that is not valid shell. */
  export interface ShellParseError {
    Pos: ShellPos;
    Text: string;
  }

  export interface ShellSyntax {
    NewParser(...options: unknown[]): { Parse(source: string, name: string): ShellNode };
    KeepComments(keep: boolean): unknown;
    Variant(language: unknown): unknown;
    LangBash: unknown;
    NodeType(node: ShellNode): string;
    /** Depth first: `visit(node)` before a node's children, `visit(null)` after them. */
    Walk(node: ShellNode, visit: (node: ShellNode | null) => boolean): void;
  }

  const mvdanSh: { syntax: ShellSyntax };
  export default mvdanSh;
}
