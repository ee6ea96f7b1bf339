/**
 * Photos are made small in the browser before they are uploaded: at most 1600 px on the long side,
 * re-encoded as JPEG (which also drops the camera's location data from the file).
 */
import { MAX_PHOTO_BYTES, PhotoContentType } from '$contracts/proposal-actions.js';

const LONG_SIDE = 1600;
const QUALITY = 0.85;

export type PreparedPhoto = { blob: Blob; contentType: 'image/jpeg' | 'image/png' | 'image/webp' };

function toBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/** The resized photo, or null when the file is not an image this browser can read. */
export async function preparePhoto(file: File): Promise<PreparedPhoto | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  const scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  // JPEG has no transparency: a white ground instead of black behind transparent PNG areas.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await toBlob(canvas, 'image/jpeg', QUALITY);
  if (blob) return { blob, contentType: 'image/jpeg' };
  // A browser that cannot encode JPEG: send the original if it is already acceptable.
  const type = PhotoContentType.safeParse(file.type);
  return type.success && file.size <= MAX_PHOTO_BYTES ? { blob: file, contentType: type.data } : null;
}
