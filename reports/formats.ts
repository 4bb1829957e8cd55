// The report formats by name and the file each is written to with --output-dir: names only, so the
// command line parses --format and plans its output without loading a writer (reports/index.ts).

/** Each file format's file name in an --output-dir. */
export const REPORT_FILES = {
  json: "authwarden.json",
  sarif: "authwarden.sarif",
  junit: "authwarden.junit.xml",
  markdown: "authwarden.md",
  html: "authwarden.html",
} as const;

export type FileFormat = keyof typeof REPORT_FILES;

/** Every --format value: the console plus the file formats. */
export const FORMATS: readonly string[] = ["console", ...Object.keys(REPORT_FILES)];

export function isFileFormat(format: string): format is FileFormat {
  return Object.hasOwn(REPORT_FILES, format);
}
