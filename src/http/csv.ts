import type { FastifyReply } from 'fastify';

export type CsvCell = string | number | boolean | null | undefined;

const cell = (value: CsvCell): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV with a header row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Sends a CSV download; the body bypasses the JSON response schema. */
export function sendCsv(reply: FastifyReply, filename: string, header: readonly string[], rows: readonly (readonly CsvCell[])[]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .serializer((payload) => payload as string)
    .send(toCsv(header, rows));
}
