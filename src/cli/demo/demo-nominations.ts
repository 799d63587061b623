import type { Nomination } from '../../domain/nomination.ts';

/**
 * Two collective nominations the seed names as the units' own movements (no personal data): Bảo
 * Yên's "Chính quyền thân thiện" and Bát Xát's "dân vận khéo" model.
 */
export const DEMO_NOMINATIONS: ReadonlyArray<Omit<Nomination, 'blocId'>> = [
  {
    unitId: 'bao-yen',
    year: 2023,
    kind: 'collective',
    name: 'UBND huyện Bảo Yên',
    movementId: 'cai-cach-hanh-chinh',
    achievements: 'Nhân rộng mô hình "Chính quyền thân thiện" trên địa bàn huyện năm 2023.',
    createdAt: new Date('2023-06-22T02:00:00Z'),
  },
  {
    unitId: 'bat-xat',
    year: 2023,
    kind: 'collective',
    name: 'Ban Dân vận Huyện ủy Bát Xát',
    movementId: 'hoc-tap-lam-theo-bac',
    achievements: 'Xây dựng mô hình dân vận khéo gắn với Nghị quyết số 36-NQ/TU của Ban Thường vụ Tỉnh ủy.',
    createdAt: new Date('2023-06-23T03:30:00Z'),
  },
];
