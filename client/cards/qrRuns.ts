import QRCode from 'qrcode';

/** A horizontal run of dark modules in one row of a QR code: drawn as one rectangle. */
export interface QrRun {
  x: number;
  y: number;
  width: number;
}

export interface QrDrawing {
  /** Modules across, the quiet zone not included. */
  size: number;
  runs: QrRun[];
}

/**
 * The dark modules of the QR code of `text` (error correction M), row by row, neighbours merged
 * into runs so that a card draws a few hundred rectangles rather than a thousand.
 */
export const qrRuns = (text: string): QrDrawing => {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: QrRun[] = [];
  for (let y = 0; y < modules.size; y++) {
    let x = 0;
    while (x < modules.size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < modules.size && modules.get(y, x)) x++;
      runs.push({ x: start, y, width: x - start });
    }
  }
  return { size: modules.size, runs };
};
