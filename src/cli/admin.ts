import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { createAdmin } from '../modules/accounts/users.ts';
import { withDatabase } from './runtime.ts';

export function adminCommand(): Command {
  const admin = new Command('admin').description('Manage platform administrators');
  admin
    .command('create')
    .description('Create an administrator account. Without --password a strong one is generated and printed once.')
    .requiredOption('--email <email>', 'login email of the administrator')
    .option('--name <name>', 'display name', 'Administrator')
    .option('--password <password>', 'password (at least 10 characters); prefer SCOHUB_ADMIN_PASSWORD to keep it out of shell history')
    .action(async (options: { email: string; name: string; password?: string }) => {
      const supplied = options.password ?? process.env.SCOHUB_ADMIN_PASSWORD;
      const password = supplied ?? randomBytes(15).toString('base64url');
      const user = await withDatabase((db) => createAdmin(db, { email: options.email, password, displayName: options.name }));
      console.log(`Created administrator ${user.email} (${user.id}).`);
      if (supplied === undefined) console.log(`Generated password (shown once): ${password}`);
    });
  return admin;
}
