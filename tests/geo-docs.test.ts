/**
 * Every exported function of geo/ carries TSDoc (STYLE.md §8: units, coordinate order, when it
 * throws, the source of constants). This test finds exported functions without a doc comment.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.(test|bench)\.ts$/.test(name) && name !== 'testing.ts' ? [path] : [];
  });
}

/** Exported functions (declarations and arrow constants) of a file that have no `/** … *\/` comment. */
export function undocumented(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const missing: string[] = [];
  const hasDoc = (node: ts.Node) => ts.getJSDocCommentsAndTags(node).length > 0;
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      if (!hasDoc(statement)) missing.push(statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const init = d.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && !hasDoc(statement)) missing.push(d.name.getText());
      }
    }
  }
  // Overloads: one documented signature documents the function.
  const documented = new Set(
    source.statements
      .filter((st) => ts.isFunctionDeclaration(st) && st.name && hasDoc(st))
      .map((st) => (st as ts.FunctionDeclaration).name?.text),
  );
  return [...new Set(missing)].filter((name) => !documented.has(name));
}

describe('geo/ documentation', () => {
  it('documents every exported function', () => {
    const missing = sources(join(root, 'geo')).flatMap((file) => undocumented(file).map((name) => `${relative(root, file)}: ${name}`));
    expect(missing).toEqual([]);
  });

  it('notices a missing doc comment', () => {
    expect(undocumented('x.ts', 'export function bare(a: number) { return a; }\n/** Documented. */\nexport function ok() {}\n')).toEqual([
      'bare',
    ]);
  });
});
