// Runs every TSDoc `@example` of src/ against the library and checks each stated output.
//
// A block is a ```ts fence after an `@example` tag. Its `import { … } from 'marginkit'` lines bind names from
// src/index.ts; every statement `expr; // => value` becomes a check that `expr` deep-equals `value` (strings,
// numbers, booleans, null, arrays and object literals; `[...]` and `...` match anything). For
// `console.log(a, b); // => A B` the logged values are compared with the space-separated values A, B. Text after
// two spaces, or from a `(` after the value, is prose and ignored. A check inside an `if` counts only if it ran:
// every `// =>` line must run at least once. Blocks without `// =>` must run without throwing. Each block is also
// type-checked against src/ with the project's compiler settings.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'src');

/**
 * Stated outputs known to be wrong, keyed by file and the checked statement (trimmed code before `// =>`). The
 * test asserts they are still wrong, so fixing the comment makes it fail until its entry is removed here.
 */
const knownWrong: readonly { readonly file: string; readonly statement: string; readonly why: string }[] = [];

/** Examples that do not type-check against src/, keyed by file and the trimmed code of the offending line. */
const knownTypeErrors: readonly { readonly file: string; readonly line: string; readonly why: string }[] = [];

// ---- extraction ----------------------------------------------------------------------------------------------

interface Example {
  /** Path relative to the repository, e.g. `src/margin/notional.ts`. */
  readonly file: string;
  /** 1-based line in `file` of the first code line. */
  readonly line: number;
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
    })
    .sort();
}

function extractExamples(path: string): Example[] {
  const text = readFileSync(path, 'utf8');
  const file = relative(ROOT, path).split('\\').join('/');
  const out: Example[] = [];
  for (const match of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const firstLine = text.slice(0, match.index).split('\n').length;
    const lines = match[0]
      .split('\n')
      .map((l) => l.replace(/^\s*\/?\*\*?\/?\s?/, '').replace(/\s*\*\/$/, ''));
    let afterExampleTag = false;
    let fence: { start: number; body: string[] } | undefined;
    lines.forEach((line, i) => {
      if (fence) {
        if (line.trim().startsWith('```')) {
          out.push({ file, line: firstLine + fence.start, code: fence.body.join('\n') });
          fence = undefined;
        } else fence.body.push(line);
        return;
      }
      if (/^@example\b/.test(line.trim())) afterExampleTag = true;
      else if (/^@\w/.test(line.trim())) afterExampleTag = false;
      if (afterExampleTag && /^```(ts|typescript)\s*$/.test(line.trim())) fence = { start: i + 1, body: [] };
    });
    if (fence) throw new Error(`${file}:${firstLine + fence.start}: unterminated code fence`);
  }
  return out;
}

// ---- expected values ------------------------------------------------------------------------------------------

const ANY = Symbol('any value');
const ANY_ARRAY = Symbol('any array');
const ANY_OBJECT = Symbol('any object');

/** Splits the text after `// =>` into value tokens (top-level whitespace separates), dropping trailing prose. */
function expectedTokens(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let depth = 0;
  let quote: string | undefined;
  const s = text.trim();
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (quote) {
      current += ch;
      if (ch === '\\') current += s[++i] ?? '';
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (depth === 0 && /\s/.test(ch)) {
      if (current !== '') tokens.push(current);
      current = '';
      // Two spaces, or a parenthesis opening after the value, start the prose.
      if (/\s/.test(s[i + 1] ?? '') || s[i + 1] === '(') return tokens;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    current += ch;
  }
  if (current !== '') tokens.push(current);
  return tokens;
}

function expectedValue(token: string): unknown {
  if (token === '...') return ANY;
  if (token === '[...]') return ANY_ARRAY;
  if (token === '{...}') return ANY_OBJECT;
  return new Function(`return (${token});`)();
}

function deepEqual(actual: unknown, expected: unknown): boolean {
  if (expected === ANY) return true;
  if (expected === ANY_ARRAY) return Array.isArray(actual);
  if (expected === ANY_OBJECT) return typeof actual === 'object' && actual !== null && !Array.isArray(actual);
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => deepEqual(actual[i], e))
    );
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = Object.keys(e);
    return (
      Object.keys(a).length === keys.length && keys.every((k) => Object.hasOwn(a, k) && deepEqual(a[k], e[k]))
    );
  }
  return actual === expected || (Number.isNaN(actual) && Number.isNaN(expected));
}

// ---- transformation -------------------------------------------------------------------------------------------

interface Site {
  /** Line in the source file. */
  readonly line: number;
  /** Trimmed code of the statement, as written. */
  readonly statement: string;
  /** The text after `// =>`. */
  readonly expectedText: string;
  /** `console.log(…)` sites compare the logged values. */
  readonly logged: boolean;
}

interface Prepared {
  readonly js: string;
  readonly sites: readonly Site[];
  readonly imported: readonly string[];
  readonly problems: readonly string[];
}

function isConsoleLog(node: ts.Expression): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'console' &&
    node.expression.name.text === 'log'
  );
}

function prepare(example: Example): Prepared {
  const source = ts.createSourceFile(
    'example.ts',
    example.code,
    ts.ScriptTarget.ES2022,
    true,
    ts.ScriptKind.TS,
  );
  const lines = example.code.split('\n');
  const edits: { start: number; end: number; text: string }[] = [];
  const sites: Site[] = [];
  const imported: string[] = [];
  const problems: string[] = [];
  const claimed = new Set<number>();

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const from = (node.moduleSpecifier as ts.StringLiteral).text;
      if (from !== 'marginkit') problems.push(`imports '${from}'; examples may import only 'marginkit'`);
      const clause = node.importClause;
      let text = '';
      if (clause && !clause.isTypeOnly) {
        if (clause.name) problems.push("default import from 'marginkit' (the package has none)");
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) text = `const ${bindings.name.text} = __lib;`;
        if (bindings && ts.isNamedImports(bindings)) {
          const parts = bindings.elements
            .filter((e) => !e.isTypeOnly)
            .map((e) => {
              const name = (e.propertyName ?? e.name).getText(source);
              imported.push(name);
              return e.propertyName ? `${name}: ${e.name.text}` : name;
            });
          if (parts.length > 0) text = `const { ${parts.join(', ')} } = __lib;`;
        }
      }
      edits.push({ start: node.getStart(source), end: node.getEnd(), text });
      return;
    }
    if (ts.isExpressionStatement(node)) {
      const endLine = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const rest = (lines[endLine] ?? '').slice(
        source.getLineAndCharacterOfPosition(node.getEnd()).character,
      );
      const arrow = /^\s*\/\/ =>(.*)$/.exec(rest);
      if (arrow) {
        const index = sites.length;
        const expr = node.expression;
        const logged = isConsoleLog(expr);
        sites.push({
          line: example.line + endLine,
          statement: (lines[endLine] ?? '').slice(0, (lines[endLine] ?? '').indexOf('// =>')).trim(),
          expectedText: arrow[1] ?? '',
          logged,
        });
        claimed.add(endLine);
        if (logged) {
          const args = expr.arguments.map((a) => a.getText(source)).join(', ');
          edits.push({
            start: expr.getStart(source),
            end: expr.getEnd(),
            text: `__checkLog(${index}${args ? `, ${args}` : ''})`,
          });
        } else {
          edits.push({
            start: expr.getStart(source),
            end: expr.getEnd(),
            text: `__check(${index}, (${expr.getText(source)}))`,
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  lines.forEach((line, i) => {
    if (line.includes('// =>') && !claimed.has(i)) {
      problems.push(`line ${example.line + i}: '// =>' does not follow an expression statement on that line`);
    }
  });

  let code = example.code;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
  }
  const js = ts
    .transpileModule(code, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    })
    .outputText.replace(/^export \{\};?\s*$/m, '');
  return { js, sites, imported, problems };
}

// ---- running --------------------------------------------------------------------------------------------------

interface SiteOutcome {
  readonly site: Site;
  readonly runs: number;
  /** Mismatches as `expected … actual …` texts. */
  readonly mismatches: readonly string[];
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;

let allModules: Promise<Record<string, unknown>[]> | undefined;

/** The export `name` of whichever src/ module defines it (for names the index does not re-export). */
async function definingModuleExport(name: string): Promise<unknown> {
  allModules ??= Promise.all(
    sourceFiles(SRC).map((f) => import(pathToFileURL(f).href) as Promise<Record<string, unknown>>),
  );
  for (const module of await allModules) if (Object.hasOwn(module, name)) return module[name];
  return undefined;
}

const show = (value: unknown): string => inspect(value, { depth: 6, breakLength: Number.POSITIVE_INFINITY });

async function run(example: Example): Promise<{ outcomes: SiteOutcome[]; problems: string[] }> {
  const prepared = prepare(example);
  const problems = [...prepared.problems];
  // A name missing from the public surface is a problem; the block still runs with the name taken from the
  // module that defines it, so its stated outputs are checked too.
  const scope: Record<string, unknown> = { ...lib };
  for (const name of prepared.imported) {
    if (Object.hasOwn(lib, name)) continue;
    problems.push(`'${name}' is not exported by marginkit`);
    const found = await definingModuleExport(name);
    if (found !== undefined) scope[name] = found;
  }
  const expected = prepared.sites.map((site) => {
    const tokens = expectedTokens(site.expectedText);
    if (tokens.length === 0) throw new Error(`${example.file}:${site.line}: '// =>' without a value`);
    if (!site.logged && tokens.length > 1) {
      throw new Error(
        `${example.file}:${site.line}: cannot tell the value from prose in '${site.expectedText}'`,
      );
    }
    return tokens.map(expectedValue);
  });
  const runs = prepared.sites.map(() => 0);
  const mismatches: string[][] = prepared.sites.map(() => []);
  const record = (index: number, actual: unknown, wanted: unknown): void => {
    runs[index] = (runs[index] ?? 0) + 1;
    if (!deepEqual(actual, wanted)) {
      mismatches[index]?.push(
        `expected ${prepared.sites[index]?.expectedText.trim()}, actual ${
          Array.isArray(actual) && prepared.sites[index]?.logged ? actual.map(show).join(' ') : show(actual)
        }`,
      );
    }
  };
  const check = (index: number, actual: unknown): unknown => {
    record(index, actual, expected[index]?.[0]);
    return actual;
  };
  const checkLog = (index: number, ...args: unknown[]): void => record(index, args, expected[index]);
  const silent = {
    ...console,
    log: () => {},
    info: () => {},
    warn: () => {},
    error: () => {},
    table: () => {},
  };
  try {
    await new AsyncFunction('__lib', '__check', '__checkLog', 'console', prepared.js)(
      scope,
      check,
      checkLog,
      silent,
    );
  } catch (error) {
    problems.push(`throws: ${error instanceof Error ? `${error.name}: ${error.message}` : show(error)}`);
  }
  return {
    outcomes: prepared.sites.map((site, i) => ({
      site,
      runs: runs[i] ?? 0,
      mismatches: mismatches[i] ?? [],
    })),
    problems,
  };
}

const isKnownWrong = (file: string, site: Site) =>
  knownWrong.some((k) => k.file === file && k.statement === site.statement);

// ---- type-checking ---------------------------------------------------------------------------------------------

const EXAMPLE_DIR = join(ROOT, 'test', 'docs', '.examples');

function virtualPath(example: Example): string {
  return join(EXAMPLE_DIR, `${example.file.replace(/[/.]/g, '_')}_${example.line}.ts`);
}

/** Type-checks every example as its own module, `'marginkit'` resolved to src/index.ts. */
function typeCheck(examples: readonly Example[]): Map<Example, string[]> {
  const specifier = relative(EXAMPLE_DIR, join(SRC, 'index.js')).split('\\').join('/');
  const files = new Map(
    examples.map((e) => [
      virtualPath(e),
      `${e.code.replace(/from\s+['"]marginkit['"]/g, `from '${specifier}'`)}\nexport {};\n`,
    ]),
  );
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) => {
    const text = files.get(name);
    return text === undefined
      ? getSourceFile(name, languageVersion, ...rest)
      : ts.createSourceFile(name, text, languageVersion, true);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const out = new Map<Example, string[]>();
  for (const example of examples) {
    const sf = program.getSourceFile(virtualPath(example));
    const diagnostics = sf
      ? [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]
      : [];
    const lines = example.code.split('\n');
    out.set(
      example,
      diagnostics.map((d) => {
        const line = sf && d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start).line : 0;
        const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
        return `${example.line + line}\t${(lines[line] ?? '').trim()}\t${message}`;
      }),
    );
  }
  return out;
}

// ---- the tests ---------------------------------------------------------------------------------------------------

const examples = sourceFiles(SRC).flatMap(extractExamples);
const byFile = new Map<string, Example[]>();
for (const e of examples) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);

describe('documentation examples', () => {
  it('finds examples, and every knownWrong / knownTypeErrors entry names an existing line', () => {
    expect(examples.length).toBeGreaterThan(20);
    for (const k of knownWrong) {
      const found = examples.some(
        (e) => e.file === k.file && prepare(e).sites.some((s) => s.statement === k.statement),
      );
      expect(found, `stale knownWrong entry ${k.file}: ${k.statement}`).toBe(true);
    }
    for (const k of knownTypeErrors) {
      const found = examples.some(
        (e) => e.file === k.file && e.code.split('\n').some((l) => l.trim() === k.line),
      );
      expect(found, `stale knownTypeErrors entry ${k.file}: ${k.line}`).toBe(true);
    }
  });

  for (const [file, list] of byFile) {
    describe(file, () => {
      for (const example of list) {
        it(`example at line ${example.line} runs and its outputs hold`, async () => {
          const { outcomes, problems } = await run(example);
          expect(problems, `${file}:${example.line}`).toEqual([]);
          const report: string[] = [];
          for (const { site, runs, mismatches } of outcomes) {
            const wrong = runs === 0 || mismatches.length > 0;
            const where = `${file}:${site.line}`;
            if (isKnownWrong(file, site)) {
              // Still wrong? When the comment is fixed, remove the entry from knownWrong.
              expect(wrong, `${where} now holds: remove it from knownWrong`).toBe(true);
            } else if (runs === 0)
              report.push(`${where}: the check never ran (a false condition skipped it)`);
            else for (const m of mismatches) report.push(`${where}: ${m}`);
          }
          expect(report).toEqual([]);
        });
      }
    });
  }

  describe('type-check', () => {
    let diagnostics: Map<Example, string[]>;
    beforeAll(() => {
      diagnostics = typeCheck(examples);
    }, 60_000);

    it('every example compiles against src/ (strict, exactOptionalPropertyTypes)', () => {
      const report: string[] = [];
      for (const example of examples) {
        for (const d of diagnostics.get(example) ?? []) {
          const [, code] = d.split('\t');
          if (!knownTypeErrors.some((k) => k.file === example.file && k.line === code)) {
            report.push(`${example.file}:${d.replace(/\t/g, '  ')}`);
          }
        }
      }
      expect(report).toEqual([]);
      for (const k of knownTypeErrors) {
        const still = examples.some(
          (e) => e.file === k.file && (diagnostics.get(e) ?? []).some((d) => d.split('\t')[1] === k.line),
        );
        expect(still, `${k.file}: '${k.line}' now compiles: remove it from knownTypeErrors`).toBe(true);
      }
    });
  });
});
