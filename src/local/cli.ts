// `ptdv`: the command line over .xlsx files. Exit codes: 0 done, 1 the data or file is not
// usable, 2 the command was typed wrong.
import { parseArgs } from 'node:util';
import { CLI } from '../core/messages/cli';
import { editDistance } from '../core/plan/unit-index';
import { ContractError } from '../workbook/errors';
import { checkCommand } from './commands/check';
import { countsCommand } from './commands/counts';
import { demoCommand } from './commands/demo';
import { initCommand } from './commands/init';
import { newYearCommand } from './commands/new-year';
import { remindCommand } from './commands/remind';
import { reportCommand } from './commands/report';
import { rollupCommand } from './commands/rollup';
import { FileError } from './file-error';
import type { Io } from './io';
import { UsageError } from './usage-error';
import { releaseLocks } from './write-lock';

const OPTIONS = {
  out: { type: 'string' },
  workbook: { type: 'string' },
  today: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  write: { type: 'boolean' },
  force: { type: 'boolean' },
  outbox: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'counts-only': { type: 'boolean' },
  into: { type: 'string' },
  'plan-from': { type: 'string' },
  blank: { type: 'boolean' },
  'unit-files': { type: 'string' },
  year: { type: 'string' },
  by: { type: 'string' },
  html: { type: 'string' },
  pdf: { type: 'string' },
  docx: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  period: { type: 'string' },
  'for-higher': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const OPTION_NAMES = Object.keys(OPTIONS).map((o) => `--${o}`);

/** The file a command works on, as typed (`--workbook`, else `--out`), for an error's message. */
function fileOf(argv: readonly string[]): string | null {
  for (const option of ['--workbook', '--out']) {
    const at = argv.findIndex((a) => a === option || a.startsWith(`${option}=`));
    if (at < 0) continue;
    const arg = argv[at] ?? '';
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[at + 1] ?? null);
  }
  return null;
}

/** Node's parseArgs speaks English ("Unknown option '--todya'…"): said again in Vietnamese. */
function parseArgsError(e: unknown, argv: readonly string[]): string | null {
  const code = (e as { code?: string }).code ?? '';
  if (!code.startsWith('ERR_PARSE_ARGS')) return null;
  const message = (e as Error).message;
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? argv.find((a) => a.startsWith('-')) ?? '';
  const name = option.split('=')[0] ?? option;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = OPTION_NAMES.map((o) => [o, editDistance(o, name, 4)] as const)
      .filter(([, d]) => d < 4)
      .sort((a, b) => a[1] - b[1])[0];
    return CLI.unknownOption(name, near ? near[0] : null);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /does not take an argument/.test(message)
      ? CLI.optionTakesNoValue(name)
      : CLI.optionNeedsValue(name);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return CLI.extraArgument(/'([^']*)'/.exec(message)?.[1] ?? '');
  return CLI.unknownOption(name, null);
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command = 'help'] = positionals;
    const required = (name: 'out' | 'workbook'): string => {
      const value = values[name];
      if (!value) throw new UsageError(CLI.missingOption(`--${name}`));
      return value;
    };
    if (values.help || command === 'help') {
      io.out(CLI.usage);
      return 0;
    }
    switch (command) {
      case 'init':
        return await initCommand(
          {
            out: required('out'),
            force: values.force === true,
            countsOnly: values['counts-only'] === true,
            planFrom: values['plan-from'],
            blank: values.blank === true,
          },
          io,
        );
      case 'demo':
        return await demoCommand({ out: required('out'), force: values.force === true }, io);
      case 'report':
        return await reportCommand(
          {
            workbook: required('workbook'),
            today: values.today,
            asOf: values['as-of'],
            json: values.json === true,
            write: values.write === true,
            html: values.html,
            pdf: values.pdf,
            docx: values.docx,
            from: values.from,
            to: values.to,
            period: values.period,
            unitFiles: values['unit-files'],
          },
          io,
        );
      case 'counts':
        return await countsCommand(
          {
            workbook: required('workbook'),
            // --for-higher alone writes only the figures for the committee above.
            out: values['for-higher'] ? values.out : required('out'),
            into: values.into,
            forHigher: values['for-higher'],
            today: values.today,
            by: values.by,
            unitFiles: values['unit-files'],
          },
          io,
        );
      case 'new-year': {
        const year = values.year;
        if (!year) throw new UsageError(CLI.missingOption('--year'));
        return await newYearCommand(
          { workbook: required('workbook'), year, out: values.out, force: values.force === true },
          io,
        );
      }
      case 'check':
        return await checkCommand(
          {
            workbook: required('workbook'),
            json: values.json === true,
            unitFiles: values['unit-files'],
          },
          io,
        );
      case 'rollup': {
        const folder = values.from;
        if (!folder) throw new UsageError(CLI.missingOption('--from'));
        return await rollupCommand(
          { workbook: required('workbook'), from: folder, today: values.today },
          io,
        );
      }
      case 'remind':
        return await remindCommand(
          {
            workbook: required('workbook'),
            today: values.today,
            outbox: values.outbox ?? 'outbox',
            dryRun: values['dry-run'] === true,
            unitFiles: values['unit-files'],
          },
          io,
        );
      default:
        throw new UsageError(CLI.unknownCommand(command));
    }
  } catch (e) {
    if (e instanceof ContractError || e instanceof FileError) {
      io.err(e.message);
      return 1;
    }
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(CLI.usage);
      return 2;
    }
    const parse = parseArgsError(e, argv);
    if (parse !== null) {
      io.err(parse);
      return 2;
    }
    // Anything else is ptdv's own mistake or a library's: the user hears it in Vietnamese, with
    // the file named (every write is atomic, so it is as it was); the details only on request.
    io.err(CLI.unexpected(fileOf(argv)));
    if (process.env.PTDV_DEBUG) io.err((e as Error)?.stack ?? String(e));
    return 1;
  } finally {
    // The workbooks this command wrote (or stopped writing) are free for the next one.
    releaseLocks();
  }
}
