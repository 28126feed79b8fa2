import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { DomainError } from '../errors/domain-error.ts';
import { errorMessage } from '../errors/messages.ts';
import { findCredentials, findUserById } from '../modules/accounts/users.ts';
import { importOperatorMessages, readOperatorMessages, type MessageProblem } from '../modules/trains/operator-messages.ts';
import { CliError, withDatabase } from './runtime.ts';

/** Every problem of a refused file as `file:line: field: problem`, and that nothing was recorded. */
function refusal(file: string, error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof DomainError && error.code === 'OPERATOR_MESSAGES_INVALID') {
    const lines = (error.details as MessageProblem[]).map(({ line, field, problem }) => `${file}:${line}: ${field}: ${problem}`);
    return new CliError(`${lines.join('\n')}\nNothing was recorded.`);
  }
  if (error instanceof DomainError) return new CliError(`${file}: ${errorMessage(error.code, 'en', error.params)}\nNothing was recorded.`);
  return new CliError(`${file} could not be recorded: ${error instanceof Error ? error.message : String(error)}\nNothing was recorded.`);
}

async function messagesCommand(file: string, options: { as: string }): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new CliError(`${file}: no such file`);
  });
  let messages;
  try {
    messages = readOperatorMessages(text);
  } catch (error) {
    throw refusal(file, error);
  }
  const counts = await withDatabase(async (db) => {
    const user = await findCredentials(db, options.as).then((found) => (found ? findUserById(db, found.id) : undefined));
    if (!user || (user.role !== 'provider' && user.role !== 'admin')) throw new CliError(`--as ${options.as}: no operator (provider) or admin has this email`);
    const actor = { userId: user.id, role: user.role, organisationId: user.organisation?.id ?? null };
    return importOperatorMessages(db, actor, messages, Math.floor(Date.now() / 60_000)).catch((error: unknown) => Promise.reject(refusal(file, error)));
  });
  console.log(`Recorded ${file}: ${counts.departures} departure and ${counts.bookings} booking message(s).`);
}

export function trainsCommand(): Command {
  const trains = new Command('trains').description('International trains (docs/api.md, Trains)');
  trains
    .command('messages')
    .description("Record an operator's messages from a CSV file (departure,booking,kind,node,at,delay_minutes,reason), all of them or none")
    .argument('<file>', 'CSV file, one event a row')
    .requiredOption('--as <email>', 'the operator (provider) or admin recording them')
    .action(messagesCommand);
  return trains;
}
