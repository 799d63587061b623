import type { Message } from '../../../src/app/messages.ts';
import type { Harness } from '../../support/flow-harness.ts';
import { local, saveReport, value } from '../../support/submission-fixtures.ts';

/**
 * June 2023 in the example bloc, scored by hand (budget revenue: 20 points for 100 % of plan,
 * linear; crop output: 10 points, linear; no report: −2; a late report: −1):
 *  - Bắc Hà, on time: 75 of its 150 tỷ plan = 50 % → 10; crop 51,6 % (an estimate) → 5,16; total 15,16.
 *  - Si Ma Cai, on time, then returned for revision (still counted): 30 of 60 = 50 % → 10.
 *  - Bảo Yên, late: 110 of 220 = 50 % → 10, − 1 = 9.
 *  - the six others: nothing → −2 each, sharing rank 4.
 * May: only Bảo Yên (110 → 10 points, rank 1); the others −2, sharing rank 2.
 * Bát Xát has a June draft, which is not a report.
 */
export async function seedJune(h: Harness): Promise<void> {
  await saveReport(h, 'bao-yen', '2023-05', local('2023-05-15T09:00'), {
    onTime: true,
    values: [value('thu-ngan-sach', 110)],
  });
  await saveReport(h, 'bac-ha', '2023-06', local('2023-06-14T08:00'), {
    onTime: true,
    values: [value('thu-ngan-sach', 75), value('san-luong-cay-trong', 51.6, { estimate: true, raw: '51,6%' })],
  });
  await saveReport(h, 'si-ma-cai', '2023-06', local('2023-06-15T08:00'), {
    onTime: true,
    status: 'returned',
    returnReason: 'Thiếu số liệu việc làm',
    values: [value('thu-ngan-sach', 30)],
  });
  await saveReport(h, 'bao-yen', '2023-06', local('2023-06-20T08:00'), {
    onTime: false,
    values: [value('thu-ngan-sach', 110)],
  });
  await saveReport(h, 'bat-xat', '2023-06', local('2023-06-15T10:00'), {
    status: 'draft',
    values: [value('thu-ngan-sach', 200)],
  });
}

/** After the period locked (9 July), in the July period. */
export const AFTER_JUNE = local('2023-07-12T10:00');

export const JUNE: Message = { key: 'standings.scope.period', params: { month: 6, year: 2023 } };
export const MAY: Message = { key: 'standings.scope.period', params: { month: 5, year: 2023 } };

/** The six units with nothing for June, in the order equal units are shown (Vietnamese names). */
export const SILENT_IN_ORDER = [
  'Huyện Bảo Thắng',
  'Huyện Bát Xát',
  'Huyện Mường Khương',
  'Huyện Văn Bàn',
  'Thành phố Lào Cai',
  'Thị xã Sa Pa',
];

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export function startsWith(bytes: Uint8Array | undefined, signature: readonly number[]): boolean {
  return bytes !== undefined && signature.every((b, i) => bytes[i] === b);
}
