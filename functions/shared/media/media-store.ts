/**
 * Where proposal photos are kept: S3 on AWS, a folder locally. Both hand the browser a short-lived
 * link to PUT one file of one declared type and size, and both show it at `/media/<key>`.
 */
export interface UploadTicket {
  url: string;
  /** Send exactly these with the PUT; the browser adds Content-Length itself, and it is signed too. */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface StoredObject { bytes: number; contentType: string }

export interface MediaStore {
  /** A short-lived URL the browser PUTs the file to, with the exact headers it must send. */
  presignUpload(key: string, contentType: string, bytes: number): Promise<UploadTicket>;
  /** Size and content type of a stored object, or null when nothing was uploaded there. */
  stat(key: string): Promise<StoredObject | null>;
  /** The path the site shows it at: `/media/<key>` (same origin locally and on CloudFront). */
  publicUrl(key: string): string;
}

/** Upload links live ten minutes: long enough for a slow phone connection, short enough to be useless if leaked. */
export const UPLOAD_TTL_SECONDS = 600;

/** Image types a key's extension stands for; the extension is chosen from the declared type. */
export const imageExtensions: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp',
};

export function extensionFor(contentType: string): string {
  const ext = imageExtensions[contentType];
  if (!ext) throw new Error(`No media extension for content type ${contentType}`);
  return ext;
}

export const contentTypeOfKey = (key: string): string | undefined =>
  Object.entries(imageExtensions).find(([, ext]) => key.endsWith(`.${ext}`))?.[0];

/**
 * Keys are slash-separated segments of letters, digits, `_`, `-` and `.`, none starting with a dot:
 * so never `..`, never a hidden file, never an absolute path, on any file system.
 */
export const isSafeKey = (key: string): boolean =>
  key.length > 0 && key.length <= 512 && key.split('/').every((s) => /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/.test(s))
  && !key.includes('..');

/**
 * In the bucket a photo's object sits under `media/`, the path the site shows it at: CloudFront's
 * `/media/*` behaviour then needs no function to rewrite the path (AWS China offers none).
 */
export const mediaObjectPrefix = 'media/';

export const publicMediaUrl = (key: string): string => `/${mediaObjectPrefix}${key.split('/').map(encodeURIComponent).join('/')}`;

/** Seconds since the epoch for a Date.now()-style clock, and the ISO time it stands for. */
export const expiryFrom = (nowMs: number): { unix: number; iso: string } => {
  const unix = Math.floor(nowMs / 1000) + UPLOAD_TTL_SECONDS;
  return { unix, iso: new Date(unix * 1000).toISOString() };
};
