// The `tousu` command line: serve, migrate, create-user, demo.
import { Command, InvalidArgumentError } from 'commander';
import { openAndMigrate, startServer } from '../app.ts';
import { insertUser } from '../commands/users.ts';
import { loadConfig } from '../config.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import { DomainError } from '../domain/errors.ts';
import { ROLES, type Role } from '../domain/vocabulary.ts';
import { runDemo } from './demo.ts';

const program = new Command('tousu').description('Tousu (投诉): complaint handling for call centers');

program
  .command('serve')
  .description('start the HTTP server (migrates the database first)')
  .action(async () => {
    const { app } = await startServer(loadConfig());
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        // In-flight requests get 10 s to finish; then the process ends regardless.
        setTimeout(() => process.exit(1), 10_000).unref();
        app.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const handle = await openAndMigrate(loadConfig());
    process.stdout.write('Database is up to date.\n');
    await handle.close();
  });

function role(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`one of ${ROLES.join(', ')}`);
  return value as Role;
}

program
  .command('create-user')
  .description('create a user; the password is read from TOUSU_PASSWORD or --password')
  .requiredOption('--login <login>')
  .requiredOption('--name <name>')
  .requiredOption('--role <role>', ROLES.join(' | '), role)
  .option('--team <team>')
  .option('--department <name>', 'department staff: the department they answer work orders for')
  .option('--password <password>', 'prefer TOUSU_PASSWORD: command lines are visible to other users')
  .action(
    async (opts: {
      login: string;
      name: string;
      role: Role;
      team?: string;
      department?: string;
      password?: string;
    }) => {
      const password = opts.password ?? process.env.TOUSU_PASSWORD;
      if (!password) throw new InvalidArgumentError('give a password with TOUSU_PASSWORD or --password');
      const handle = await openAndMigrate(loadConfig());
      try {
        const dept = opts.department
          ? await handle.db
              .selectFrom('departments')
              .select('id')
              .where('name', '=', opts.department)
              .executeTakeFirst()
          : undefined;
        if (opts.department && !dept)
          throw new InvalidArgumentError(`no department named "${opts.department}"`);
        const user = await insertUser(
          handle.db,
          { ...opts, departmentId: dept?.id ?? null, password },
          null,
          new Date(),
        );
        process.stdout.write(`Created ${user.role} "${user.login}".\n`);
      } finally {
        await handle.close();
      }
    },
  );

program
  .command('demo')
  .description('fill an empty database with a few hundred realistic complaints of the last 90 days')
  .option('--count <n>', 'how many complaints', (v) => Number.parseInt(v, 10), 300)
  .option('--seed <n>', 'random seed, for repeatable data', (v) => Number.parseInt(v, 10), 20261122)
  .action(async (opts: { count: number; seed: number }) => {
    const handle = await openAndMigrate(loadConfig());
    try {
      const result = await runDemo(handle, { count: opts.count, seed: opts.seed, now: new Date() });
      process.stdout.write(`${result.message}\n`);
    } finally {
      await handle.close();
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof DomainError || err instanceof DataDirInUseError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
