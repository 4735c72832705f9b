// A progress bar for long CLI work (seeding, imports); silent when output is not a terminal.
import cliProgress from 'cli-progress';

export function progressReporter() {
  const enabled = Boolean(process.stderr.isTTY);
  let bar: cliProgress.SingleBar | undefined;
  let stopped = false;
  return {
    update(label: string, done: number, total: number) {
      if (!enabled || stopped) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            format: ' {bar} {value}/{total} {label}',
            stream: process.stderr,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { label });
      }
      bar.setTotal(total);
      bar.update(done, { label });
    },
    stop() {
      if (bar && !stopped) bar.stop();
      stopped = true;
    },
  };
}
