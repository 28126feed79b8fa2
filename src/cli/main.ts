import { Command } from 'commander';
import { adminCommand } from './admin.ts';
import { networkCommand } from './network.ts';
import { CliError } from './runtime.ts';
import { tradeCommand } from './trade.ts';
import { trainsCommand } from './trains.ts';

const program = new Command('scohub')
  .description('SCO Hub command line: administration and data tools. Reads the same environment as the server (DATABASE_URL, DATA_DIR).')
  .showHelpAfterError()
  .addCommand(adminCommand())
  .addCommand(tradeCommand())
  .addCommand(networkCommand())
  .addCommand(trainsCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(error instanceof CliError ? `Error: ${error.message}` : error);
  process.exitCode = 1;
}
