import type { Browser, Page } from 'playwright-core';

/**
 * A blank page to decode screenshots on, in a context of its own: about:blank has no policy that
 * would refuse the image, and the screens' own pages are left alone.
 */
export const scratchPage = async (browser: Browser): Promise<Page> =>
  (await browser.newContext()).newPage();

/** A rectangle of a screenshot, in its pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PixelCounts {
  width: number;
  height: number;
  /** Pixels not fully transparent (alpha above 0). */
  visible: number;
  /** Of those, the ones outside `box` (all of them without a box). */
  visibleOutside: number;
  /** Pixels that are not opaque black (any colour, or any transparency). */
  notBlack: number;
}

/**
 * Counts a PNG screenshot's pixels, decoded by Chromium itself on `scratch` (./scratchPage: the
 * project has no PNG library). Neither premultiplied nor converted, the alpha channel is exact: a
 * pixel transparent in the PNG reads alpha 0.
 */
export const countPixels = (
  scratch: Page,
  png: Buffer,
  box: PixelBox | null = null,
): Promise<PixelCounts> =>
  scratch.evaluate(
    async ({ base64, box }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), {
        premultiplyAlpha: 'none',
        colorSpaceConversion: 'none',
      });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context2d = canvas.getContext('2d');
      if (!context2d) throw new Error('no 2d context');
      context2d.drawImage(bitmap, 0, 0);
      const { data } = context2d.getImageData(0, 0, bitmap.width, bitmap.height);
      let visible = 0;
      let visibleOutside = 0;
      let notBlack = 0;
      for (let i = 0; i < data.length; i += 4) {
        const alpha = data[i + 3] ?? 0;
        if (alpha !== 255 || data[i] !== 0 || data[i + 1] !== 0 || data[i + 2] !== 0) notBlack++;
        if (alpha === 0) continue;
        visible++;
        const p = i / 4;
        const x = p % bitmap.width;
        const y = Math.floor(p / bitmap.width);
        const inside =
          box !== null &&
          x >= box.x &&
          x < box.x + box.width &&
          y >= box.y &&
          y < box.y + box.height;
        if (!inside) visibleOutside++;
      }
      return { width: bitmap.width, height: bitmap.height, visible, visibleOutside, notBlack };
    },
    { base64: png.toString('base64'), box },
  );
