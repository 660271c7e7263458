// `ptdv`: the command line over .xlsx files. Exit codes: 0 done, 1 the data or file is not
// usable, 2 the command was typed wrong.
import { parseArgs } from 'node:util';
import { CLI } from '../core/messages';
import { ContractError } from '../workbook/errors';
import { checkCommand } from './commands/check';
import { countsCommand } from './commands/counts';
import { demoCommand } from './commands/demo';
import { initCommand } from './commands/init';
import { newYearCommand } from './commands/new-year';
import { remindCommand } from './commands/remind';
import { reportCommand } from './commands/report';
import { FileError } from './xlsx-workbook';
import type { Io } from './io';
import { UsageError } from './usage-error';

const OPTIONS = {
  out: { type: 'string' },
  workbook: { type: 'string' },
  today: { type: 'string' },
  json: { type: 'boolean' },
  write: { type: 'boolean' },
  force: { type: 'boolean' },
  outbox: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'counts-only': { type: 'boolean' },
  into: { type: 'string' },
  'plan-from': { type: 'string' },
  blank: { type: 'boolean' },
  year: { type: 'string' },
  by: { type: 'string' },
  html: { type: 'string' },
  pdf: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

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
            json: values.json === true,
            write: values.write === true,
            html: values.html,
            pdf: values.pdf,
          },
          io,
        );
      case 'counts':
        return await countsCommand(
          {
            workbook: required('workbook'),
            out: required('out'),
            into: values.into,
            today: values.today,
            by: values.by,
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
          { workbook: required('workbook'), json: values.json === true },
          io,
        );
      case 'remind':
        return await remindCommand(
          {
            workbook: required('workbook'),
            today: values.today,
            outbox: values.outbox ?? 'outbox',
            dryRun: values['dry-run'] === true,
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
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err((e as Error).message);
      io.err(CLI.usage);
      return 2;
    }
    throw e;
  }
}
