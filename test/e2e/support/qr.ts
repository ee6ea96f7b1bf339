/**
 * Reads a QR code from a screenshot (PNG) as a phone's scanner would: pngjs decodes the pixels,
 * jsQR (which knows nothing of uqr, the encoder the pages use) finds and reads the code.
 */
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS whose typings say `export default`: under NodeNext the import is the module
// object, which at run time is the function itself (and also carries it as `default`).
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule.default }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

export function decodeQrPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error(`no QR code found in the ${image.width}×${image.height} screenshot`);
  return code.data;
}
