import type { Measurement, SectionResult, Unit } from './types.ts';

const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const milliseconds = (ms: number): string => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);

/** A figure in its unit, as a person reads it. */
export const formatValue = (value: number, unit: Unit): string => {
  if (!Number.isFinite(value)) return String(value);
  switch (unit) {
    case 'ms':
      return milliseconds(value);
    case 'bytes':
      return kilobytes(value);
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'per-second':
      return `${value.toFixed(0)}/s`;
  }
};

/** `gzipBytes` is shown in KB, `…Ms` in ms, a rate per second; anything else as it is. */
const formatFigure = (name: string, value: number, unit: Unit): string => {
  if (/bytes$/i.test(name)) return `${name.replace(/Bytes$/, '')} ${kilobytes(value)}`;
  if (/ms$/i.test(name)) return `${name.replace(/Ms$/, '')} ${milliseconds(value)}`;
  if (/PerSecond$/.test(name)) return `${name.replace(/PerSecond$/, '')} ${value.toFixed(0)}/s`;
  return `${name} ${Number.isInteger(value) ? value : value.toFixed(2)}${unit === 'ratio' ? '×' : ''}`;
};

const noteOf = (measurement: Measurement): string =>
  [
    ...Object.entries(measurement.figures ?? {}).map(([name, value]) =>
      formatFigure(name, value, measurement.unit),
    ),
    ...(measurement.note ? [measurement.note] : []),
  ].join('; ');

export const measurementRow = (measurement: Measurement): string[] => {
  const spread = measurement.distribution;
  return [
    measurement.name,
    formatValue(measurement.value, measurement.unit),
    spread ? formatValue(spread.p95, measurement.unit) : '',
    spread?.p99 !== undefined ? formatValue(spread.p99, measurement.unit) : '',
    spread ? String(spread.samples) : '',
    noteOf(measurement),
  ];
};

/** Columns padded to their widest cell; numbers right-aligned, text left-aligned. */
export const formatTable = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[],
): string => {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
};

/** Every section's rows under its name: median (or the figure), p95, p99, samples, notes. */
export const formatReport = (sections: readonly SectionResult[]): string => {
  const header = ['measurement', 'p50 / value', 'p95', 'p99', 'n', 'notes'];
  const numeric = [false, true, true, true, true, false];
  return sections
    .map((section) => {
      const title = `${section.name}: ${section.description} (${(section.durationMs / 1000).toFixed(1)} s)`;
      if (section.error) return `${title}\n  FAILED: ${section.error}`;
      return `${title}\n${formatTable(header, section.measurements.map(measurementRow), numeric)}`;
    })
    .join('\n\n');
};
