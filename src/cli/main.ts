// The `sozialraum` command: serve, db migrate, seed, backup/restore, areas, users; data and index (monitoring-commands.ts).
import { Command, CommanderError, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { AppError, formatDetail } from '../core/errors.ts';
import { loadConfig } from '../server/config.ts';
import { openConfiguredDatabase, seedAll, startServer } from '../server/start.ts';
import { schemaVersion } from '../db/migrate.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import {
  importAreas,
  listAreaSystems,
  lookupPoint,
  upsertAreaSystem,
  areaSystemSchema,
} from '../modules/areas/index.ts';
import type { Database } from '../db/client.ts';
import { progressReporter } from './progress.ts';
import { readSecret } from './read-secret.ts';
import { registerMonitoringCommands } from './monitoring-commands.ts';
import { createUserWithPassword, seedDepartments } from '../modules/accounts/index.ts';

/** Exit codes scripts can rely on. */
export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  invalidData: 3,
  notFound: 4,
  conflict: 5,
} as const;

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function buildProgram(): Command {
  const program = new Command('sozialraum')
    .description('Sozialraum-Plattform: Monitoring, Angebote und Dialoge')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('serve')
    .description(
      'startet den Webserver (migriert und spielt beim ersten Start die Beispieldaten ein)',
    )
    .action(async () => {
      await startServer(loadConfig());
      await new Promise(() => undefined);
    });

  const db = program.command('db').description('Datenbank');
  db.command('migrate')
    .description('wendet alle Migrationen an')
    .action(() =>
      withDatabase(async (database) => {
        const v = await schemaVersion(database);
        console.log(
          `Schema ${v.version} (${v.applied}/${v.known} Migrationen) auf ${database.engine}`,
        );
      }),
    );

  program
    .command('seed')
    .description(
      'spielt die mitgelieferten Daten ein (bestehende Gliederungen bleiben unverändert)',
    )
    .option('--full', 'auch die großen optionalen Daten (Deutschland: 10.786 Gemeinden)')
    .option('--only <ids...>', 'nur diese Gebietsgliederungen, z. B. de-vg5000-2021')
    .action((o: { full?: boolean; only?: string[] }) =>
      withDatabase(async (database) => {
        const progress = progressReporter();
        try {
          const lines = await seedAll(database, loadConfig(), {
            full: o.full ?? false,
            ...(o.only ? { only: o.only } : {}),
            onProgress: progress.update,
          });
          progress.stop();
          for (const line of lines) console.log(line);
        } finally {
          progress.stop();
        }
      }),
    );

  program
    .command('backup <file>')
    .description(
      'sichert alle Daten in eine Datei (gzip; enthält Passwort-Hashes: sicher aufbewahren)',
    )
    .action((file: string) =>
      withDatabase(async (database) => {
        const s = await backupDatabase(database, file);
        console.log(
          `${s.file}: ${s.rows} Zeilen aus ${s.tables.length} Tabellen, ${(s.bytes / 1e6).toFixed(2)} MB (${database.engine}, Schema ${s.migrations.version})`,
        );
      }),
    );

  program
    .command('restore <file>')
    .description(
      'ersetzt ALLE Daten durch die Sicherung (alles oder nichts; prüft Zeilen und Prüfsummen)',
    )
    .option('--yes', 'ja, alle vorhandenen Daten ersetzen')
    .action((file: string, o: { yes?: boolean }) =>
      withDatabase(async (database) => {
        if (!o.yes)
          throw new AppError(
            'invalid_input',
            'Die Wiederherstellung ersetzt alle Daten. Bestätigen Sie mit --yes.',
          );
        const s = await restoreDatabase(database, file);
        for (const t of s.tables) console.log(`${t.table}\t${t.rows}\t${t.checksum}`);
        console.log(
          `Wiederhergestellt: ${s.rows} Zeilen aus ${s.tables.length} Tabellen (Sicherung vom ${s.createdAt}, ${s.sourceEngine} → ${database.engine}); Zeilen und Prüfsummen stimmen.`,
        );
      }),
    );

  const areas = program.command('areas').description('Gebietsgliederungen');
  areas
    .command('list')
    .description('listet die Gebietsgliederungen')
    .option('--json', 'als JSON')
    .action((o: { json?: boolean }) =>
      withDatabase(async (database) => {
        const systems = await listAreaSystems(database);
        if (o.json)
          return console.log(
            JSON.stringify(
              systems.map((s) => ({
                id: s.id,
                name: s.name,
                levels: s.levels.map((l) => l.key),
                areas: s.areaCount,
              })),
              null,
              2,
            ),
          );
        for (const s of systems)
          console.log(
            `${s.id}\t${s.areaCount}\t${s.levels.map((l) => l.key).join(' > ')}\t${s.name}`,
          );
      }),
    );

  areas
    .command('create-system <file>')
    .description(
      'legt eine Gebietsgliederung aus einer JSON-Datei an oder aktualisiert sie (id, name, levels, …)',
    )
    .action((file: string) =>
      withDatabase(async (database) => {
        const input = areaSystemSchema.parse(JSON.parse(await readFile(file, 'utf8')));
        await upsertAreaSystem(database, input);
        console.log(`Gebietsgliederung ${input.id} gespeichert.`);
      }),
    );

  areas
    .command('import <file>')
    .description(
      'importiert eine Ebene aus GeoJSON, Shapefile (.shp mit .dbf/.prj) oder CSV – alles oder nichts',
    )
    .requiredOption('--system <id>', 'Kennung der Gebietsgliederung')
    .requiredOption('--level <key>', 'Ebene, z. B. sozialraum')
    .option('--code-field <name>', 'Attribut mit dem Schlüssel', 'code')
    .option('--name-field <name>', 'Attribut mit dem Namen', 'name')
    .option('--parent-field <name>', 'Attribut mit dem Schlüssel des übergeordneten Gebiets')
    .addOption(
      new Option(
        '--parent-prefix <n>',
        'übergeordneter Schlüssel = die ersten n Zeichen',
      ).argParser((v) => Number(v)),
    )
    .option('--population-field <name>', 'Attribut mit der Einwohnerzahl')
    .option('--population-date <date>', 'Stand der Einwohnerzahl (JJJJ-MM-TT)')
    .option(
      '--crs <epsg>',
      'Projektion der Datei, falls sie fehlt oder falsch ist (z. B. EPSG:25832)',
    )
    .option('--where <field=value...>', 'nur Objekte mit diesem Attributwert')
    .option('--only-existing', 'nur Grenzen an vorhandene Gebiete hängen')
    .option('--dry-run', 'nur prüfen und berichten, nichts schreiben')
    .action((file: string, o: Record<string, string | number | boolean | string[] | undefined>) =>
      withDatabase(async (database) => {
        const where = Array.isArray(o['where'])
          ? Object.fromEntries(
              (o['where'] as string[]).map((w) => [
                w.split('=')[0] ?? '',
                w.split('=').slice(1).join('='),
              ]),
            )
          : undefined;
        const summary = await importAreas(database, file, {
          systemId: String(o['system']),
          levelKey: String(o['level']),
          crs: o['crs'] as string | undefined,
          dryRun: Boolean(o['dryRun']),
          mapping: {
            codeField: String(o['codeField']),
            nameField: String(o['nameField']),
            ...(o['parentField'] ? { parentField: String(o['parentField']) } : {}),
            ...(o['parentPrefix'] !== undefined ? { parentPrefix: Number(o['parentPrefix']) } : {}),
            ...(o['populationField'] ? { populationField: String(o['populationField']) } : {}),
            ...(o['populationDate'] ? { populationDate: String(o['populationDate']) } : {}),
            ...(where ? { where } : {}),
            ...(o['onlyExisting'] ? { onlyExisting: true } : {}),
          },
        });
        const verb = summary.dryRun ? 'würde schreiben' : 'geschrieben';
        console.log(
          `${summary.file} (${summary.crs}): ${summary.read} Objekte gelesen, ${summary.skipped} übersprungen; ${verb}: ${summary.created} neu, ${summary.updated} aktualisiert (${summary.withGeometry} mit Grenze, ${summary.withoutGeometry} ohne).`,
        );
        if (summary.dryRun) console.log('Probelauf: nichts wurde gespeichert.');
      }),
    );

  areas
    .command('lookup')
    .description('in welchen Gebieten liegt ein Punkt (WGS84)?')
    .requiredOption('--lat <lat>', 'Breitengrad', Number)
    .requiredOption('--lon <lon>', 'Längengrad', Number)
    .option('--system <id>', 'nur diese Gliederung')
    .action((o: { lat: number; lon: number; system?: string }) =>
      withDatabase(async (database) => {
        const hits = await lookupPoint(database, o.lon, o.lat, o.system);
        if (hits.length === 0)
          console.log('Der Punkt liegt in keinem Gebiet mit bekannter Grenze.');
        for (const h of hits) console.log(`${h.systemId}\t${h.levelKey}\t${h.code}\t${h.name}`);
      }),
    );
  const users = program.command('users').description('Benutzerkonten');
  users
    .command('create-admin')
    .description(
      'legt ein Administrationskonto an; das Passwort kommt von der Eingabe (verdeckt) oder aus stdin',
    )
    .requiredOption('--email <adresse>', 'E-Mail-Adresse')
    .requiredOption('--name <name>', 'Anzeigename')
    .action((o: { email: string; name: string }) =>
      withDatabase(async (database) => {
        await seedDepartments(database);
        const password = await readSecret('Passwort (mindestens 12 Zeichen): ');
        const user = await createUserWithPassword(database, 'cli', {
          email: o.email,
          displayName: o.name,
          grants: [{ role: 'admin', departmentId: null, organisationId: null }],
          password,
        });
        console.log(`Administrationskonto ${user.email} (Nr. ${user.id}) angelegt.`);
      }),
    );
  registerMonitoringCommands(program, withDatabase);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return exitCodes.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    if (e instanceof AppError) {
      console.error(`Fehler: ${e.message}`);
      for (const d of e.details) console.error(`  - ${formatDetail(d)}`);
      if (e.code === 'import_invalid') return exitCodes.invalidData;
      if (e.code === 'not_found') return exitCodes.notFound;
      if (e.code === 'conflict') return exitCodes.conflict;
      return exitCodes.usage;
    }
    if (e && typeof e === 'object' && 'issues' in e) {
      console.error('Fehler: ungültige Eingabe');
      for (const i of (e as { issues: { path: unknown[]; message: string }[] }).issues)
        console.error(`  - ${i.path.join('.')}: ${i.message}`);
      return exitCodes.usage;
    }
    console.error(e instanceof Error ? `Fehler: ${e.message}` : e);
    return exitCodes.failure;
  }
}
