import type { AuditActor } from '../../src/app/ports.ts';

/** Instants written as text in tests read better than `new Date(…)` arithmetic. */
export const at = (text: string): Date => new Date(text);

export const secretary: AuditActor = { channel: 'telegram', userId: '100', name: 'Văn phòng khối' };
export const focal: AuditActor = { channel: 'zalo', userId: 'z-200', name: 'Nguyễn Thị Hoa' };

export const BLOC = 'khoi-1';
export const OTHER_BLOC = 'khoi-2';
