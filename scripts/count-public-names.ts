/**
 * Counts the names a package entry point makes public, with the TypeScript compiler: every export of the module
 * (values and types), after following `export *` and re-exports. Usage:
 *   npx tsx scripts/count-public-names.ts [entry.ts ...]   (default: src/index.ts src/report/index.ts)
 * Prints one line per entry with the total, values and type-only names; `--list` prints the names too.
 */
import ts from 'typescript';

const args = process.argv.slice(2);
const list = args.includes('--list');
const entries = args.filter((arg) => !arg.startsWith('--'));
const files = entries.length > 0 ? entries : ['src/index.ts', 'src/report/index.ts'];

const config = ts.getParsedCommandLineOfConfigFile(
  'tsconfig.build.json',
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
);
if (config === undefined) throw new Error('tsconfig.build.json could not be read');
const program = ts.createProgram(files, config.options);
const checker = program.getTypeChecker();

for (const file of files) {
  const source = program.getSourceFile(file);
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${file}: not a module`);
  const exports = checker.getExportsOfModule(moduleSymbol);
  const values: string[] = [];
  const types: string[] = [];
  for (const symbol of exports) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    (target.flags & ts.SymbolFlags.Value ? values : types).push(symbol.name);
  }
  console.log(`${file}: ${exports.length} names (${values.length} values, ${types.length} types only)`);
  if (list) {
    console.log(`  values: ${values.sort().join(', ')}`);
    console.log(`  types: ${types.sort().join(', ')}`);
  }
}
