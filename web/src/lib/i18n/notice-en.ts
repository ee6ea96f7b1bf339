/** English messages of printed notices and QR codes. `satisfies` refuses a missing or an extra key. */
import type { NoticeMessages } from './notice-zh.js';

export const noticeEn = {
  'qr.label': 'QR code: scan with a phone to open {url}',
  'print.button': 'Print a notice',
  'print.scan': 'Scan with a phone for the details and the latest news',
  'print.printed': 'Printed {time}',
  'print.kindResult': 'Ballot result: public notice until {until}',
  'print.kindLedger': 'Donations ledger: public notice',
} as const satisfies NoticeMessages;
