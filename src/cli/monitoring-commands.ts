// CLI commands of the monitoring module: data import/releases/publish/withdraw/delete, index compute/export.
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../core/errors.ts';
import type { Database } from '../db/client.ts';
import {
  computeIndexRun,
  deleteRelease,
  importValues,
  indexExportCsv,
  listReleaseSummaries,
  publishRelease,
  startOfDayInBerlin,
  withdrawRelease,
  type WideMapping,
} from '../modules/monitoring/index.ts';

type WithDatabase = <T>(fn: (db: Database) => Promise<T>) => Promise<T>;

function parseDate(value: string | undefined): Date | null {
  return value ? startOfDayInBerlin(value) : null;
}

function releaseId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0)
    throw new AppError('invalid_input', `„${value}“ ist keine Nummer einer Veröffentlichung.`);
  return id;
}

async function readMapping(o: Record<string, unknown>): Promise<WideMapping | undefined> {
  if (typeof o['mapping'] === 'string') {
    try {
      return JSON.parse(await readFile(o['mapping'], 'utf8')) as WideMapping;
    } catch (e) {
      throw new AppError(
        'invalid_input',
        `Die Zuordnungsdatei ${o['mapping']} ist kein gültiges JSON: ${(e as Error).message}`,
      );
    }
  }
  const columns = o['column'] as string[] | undefined;
  if (!columns && !o['areaColumn']) return undefined;
  if (!o['areaColumn'] || !o['period'])
    throw new AppError(
      'invalid_input',
      'Für eine breite Tabelle braucht es --area-column und --period (und --column SPALTE=INDIKATOR).',
    );
  return {
    areaColumn: String(o['areaColumn']),
    period: String(o['period']),
    ...(o['sheet'] ? { sheet: String(o['sheet']) } : {}),
    columns: Object.fromEntries(
      (columns ?? []).map((c) => {
        const at = c.lastIndexOf('=');
        if (at <= 0)
          throw new AppError(
            'invalid_input',
            `--column „${c}“ hat nicht die Form SPALTE=INDIKATOR.`,
          );
        return [c.slice(0, at), c.slice(at + 1)];
      }),
    ),
  };
}

export function registerMonitoringCommands(program: Command, withDatabase: WithDatabase): void {
  const data = program.command('data').description('Indikatorwerte und Veröffentlichungen');
  data
    .command('import <file>')
    .description(
      'importiert Werte (CSV lang/breit oder XLSX) als neue Veröffentlichung – alles oder nichts',
    )
    .requiredOption('--system <id>', 'Gebietsgliederung')
    .option('--title <titel>', 'Titel der Veröffentlichung (Standard: Dateiname)')
    .option('--format <long|wide>', 'Tabellenform; ohne Angabe aus den Spalten erkannt')
    .option('--mapping <json>', 'Zuordnung für breite Tabellen als JSON-Datei')
    .option('--area-column <spalte>', 'breite Tabelle: Spalte mit dem Gebietsschlüssel')
    .option('--period <zeitraum>', 'breite Tabelle: Zeitraum aller Werte (JJJJ oder JJJJ-MM-TT)')
    .option('--column <SPALTE=INDIKATOR...>', 'breite Tabelle: Spalte → Indikator')
    .option('--sheet <name>', 'XLSX: Tabellenblatt')
    .option('--source <text>', 'Quelle')
    .option('--licence <text>', 'Lizenz')
    .option('--example', 'als Beispieldaten kennzeichnen')
    .option('--publish', 'sofort veröffentlichen (sonst Entwurf)')
    .option('--embargo <datum>', 'mit --publish: öffentlich erst ab diesem Tag')
    .option('--dry-run', 'nur prüfen und berichten, nichts schreiben')
    .action((file: string, o: Record<string, unknown>) =>
      withDatabase(async (database) => {
        const format = o['format'] as string | undefined;
        if (format && format !== 'long' && format !== 'wide')
          throw new AppError('invalid_input', '--format ist long oder wide.');
        const s = await importValues(database, 'cli', {
          systemId: String(o['system']),
          fileName: basename(file),
          bytes: await readFile(file),
          format: format as 'long' | 'wide' | undefined,
          mapping: await readMapping(o),
          title: String(o['title'] ?? basename(file)),
          source: o['source'] as string | undefined,
          licence: o['licence'] as string | undefined,
          isExample: Boolean(o['example']),
          dryRun: Boolean(o['dryRun']),
          publish: Boolean(o['publish']),
          embargoUntil: parseDate(o['embargo'] as string | undefined),
        });
        console.log(
          `${basename(file)} (${s.format === 'long' ? 'lange' : 'breite'} Tabelle): ${s.valueCount} Werte, ${s.areaCount} Gebiete, Indikatoren ${s.indicators.join(', ')}, Zeiträume ${s.periods.join(', ')}; ${s.suppressedAtSource} an der Quelle gesperrt oder fehlend.`,
        );
        if (s.dryRun) console.log('Probelauf: nichts wurde gespeichert.');
        else
          console.log(
            `Veröffentlichung Nr. ${s.releaseId} angelegt (${s.status === 'published' ? 'veröffentlicht' : 'Entwurf'}).`,
          );
      }),
    );

  data
    .command('releases')
    .description('listet die Veröffentlichungen')
    .option('--system <id>', 'nur diese Gebietsgliederung')
    .action((o: { system?: string }) =>
      withDatabase(async (database) => {
        for (const r of await listReleaseSummaries(database, o.system))
          console.log(
            [
              r.id,
              r.status,
              r.systemId,
              r.valueCount,
              r.embargoUntil?.toISOString().slice(0, 10) ?? '',
              r.title,
            ].join('\t'),
          );
      }),
    );

  data
    .command('publish <id>')
    .description('veröffentlicht einen Entwurf')
    .option('--embargo <datum>', 'öffentlich erst ab diesem Tag (JJJJ-MM-TT)')
    .action((id: string, o: { embargo?: string }) =>
      withDatabase(async (database) => {
        const r = await publishRelease(database, 'cli', releaseId(id), parseDate(o.embargo));
        console.log(
          `Veröffentlichung Nr. ${r.id} veröffentlicht${r.embargoUntil ? `, öffentlich ab ${r.embargoUntil.toISOString().slice(0, 10)}` : ''}.`,
        );
      }),
    );

  data
    .command('withdraw <id>')
    .description('zieht eine Veröffentlichung zurück (ihre Werte sind nicht mehr öffentlich)')
    .action((id: string) =>
      withDatabase(async (database) => {
        const r = await withdrawRelease(database, 'cli', releaseId(id));
        console.log(`Veröffentlichung Nr. ${r.id} zurückgezogen.`);
      }),
    );

  data
    .command('delete <id>')
    .description('löscht einen Entwurf oder eine zurückgezogene Veröffentlichung mit ihren Werten')
    .option('--yes', 'ja, löschen')
    .action((id: string, o: { yes?: boolean }) =>
      withDatabase(async (database) => {
        if (!o.yes)
          throw new AppError(
            'invalid_input',
            'Das Löschen entfernt alle Werte. Bestätigen Sie mit --yes.',
          );
        await deleteRelease(database, 'cli', releaseId(id));
        console.log(`Veröffentlichung Nr. ${id} gelöscht.`);
      }),
    );

  const index = program.command('index').description('Sozialindex (Status und Dynamik)');
  index
    .command('compute')
    .description('berechnet den Index einer Konfiguration für alle oder einen Zeitraum')
    .requiredOption('--config <id>', 'Index-Konfiguration, z. B. mss-2021')
    .option('--period <zeitraum>', 'nur dieser Zeitraum')
    .action((o: { config: string; period?: string }) =>
      withDatabase(async (database) => {
        for (const run of await computeIndexRun(database, 'cli', o.config, o.period))
          console.log(
            `${o.config} ${run.period}: ${run.indexedCount} Gebiete indexiert (Lauf ${run.id}).`,
          );
      }),
    );

  index
    .command('export')
    .description(
      'gibt den Index als CSV aus: area_code,status_index,status_class,dynamics_index,dynamics_class',
    )
    .requiredOption('--system <id>', 'Gebietsgliederung')
    .requiredOption('--config <id>', 'Index-Konfiguration')
    .option('--period <zeitraum>', 'Zeitraum (Standard: der jüngste)')
    .option('--format <csv>', 'Ausgabeformat', 'csv')
    .action((o: { system: string; config: string; period?: string; format: string }) =>
      withDatabase(async (database) => {
        if (o.format !== 'csv') throw new AppError('invalid_input', 'Als Format gibt es csv.');
        process.stdout.write(await indexExportCsv(database, o.system, o.config, o.period));
      }),
    );
}
