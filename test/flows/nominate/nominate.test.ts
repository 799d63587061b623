import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleChat } from '../../../src/channels/console/console-chat.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { t } from '../../../src/i18n/i18n.ts';
import { last, optionIds, optionTexts, summaryFields } from './helpers.ts';

const ACHIEVEMENTS = 'Dẫn đầu khối về giải quyết hồ sơ trực tuyến, 100% thủ tục đúng hạn.';

describe('/dexuat: nominate an advanced model', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const stored = (unitId = 'si-ma-cai') => h.program.repos.nominations.listForUnit(h.bloc.id, unitId, 2023);

  /** Answers up to the movement question, as a collective. */
  async function toMovement(chat: ConsoleChat, name = 'Phòng Nội vụ huyện') {
    await chat.say('/dexuat');
    await chat.say('tập thể');
    return chat.say(name);
  }

  it('takes a whole collective nomination and stores it without personal details', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const first = await chat.say('/dexuat');
    expect(keys(first)).toEqual(['nominate.intro', 'nominate.ask.kind']);
    expect(first[0]?.reply.params).toEqual({ unit: 'Huyện Si Ma Cai', year: 2023 });
    expect(optionIds(first)).toEqual(['collective', 'individual']);

    expect(keys(await chat.say('1'))).toEqual(['nominate.ask.nameCollective']);
    const movement = await chat.say('Phòng Nội vụ huyện');
    expect(keys(movement)).toEqual(['nominate.ask.movement']);
    expect(optionIds(movement)).toHaveLength(12);
    expect(keys(await chat.say('5'))).toEqual(['nominate.ask.achievements']);
    expect(keys(await chat.say(ACHIEVEMENTS))).toEqual(['nominate.ask.photo']);

    const summary = await chat.say('bỏ qua');
    expect(keys(summary)).toEqual(['nominate.summary']);
    expect(summaryFields(last(summary))).toEqual([
      ['kind', 'nominate.kind.collective'],
      ['name', 'Phòng Nội vụ huyện'],
      ['movement', '5. Cải cách hành chính 2021–2025'],
      ['achievements', ACHIEVEMENTS],
      ['photo', 'nominate.photo.none'],
    ]);
    expect(optionIds(summary)).toEqual(['send', 'edit', 'cancel']);
    expect(await stored()).toEqual([]);

    const receipt = await chat.say('1');
    expect(keys(receipt)).toEqual(['nominate.sent']);
    const [saved] = await stored();
    expect(receipt[0]?.reply.params).toEqual({
      number: saved?.id,
      name: 'Phòng Nội vụ huyện',
      movement: '5. Cải cách hành chính 2021–2025',
      year: 2023,
    });
    expect(saved).toMatchObject({
      kind: 'collective',
      name: 'Phòng Nội vụ huyện',
      movementId: 'cai-cach-hanh-chinh',
      achievements: ACHIEVEMENTS,
      year: 2023,
      unitId: 'si-ma-cai',
    });
    expect(saved?.position).toBeUndefined();
    expect(saved?.photoRef).toBeUndefined();
    // The conversation is over: plain text now gets the hint.
    expect(keys(await chat.say('xin chào'))).toEqual(['engine.hintFocal']);
  });

  it('shows one short personal-data notice as soon as an individual is chosen, the whole text on request, then takes and stores them', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await chat.say('/dexuat');
    const askName = await chat.say('cá nhân');
    expect(keys(askName)).toEqual(['nominate.privacy.short', 'nominate.ask.nameIndividual']);
    expect(askName[0]?.reply.choices).toEqual([
      [{ id: expect.stringMatching(/\|privacyMore$/), label: { key: 'nominate.privacy.more' } }],
    ]);
    // Short: one or two lines on a phone, not ninety words.
    expect(t('nominate.privacy.short').split(/\s+/).length).toBeLessThanOrEqual(30);
    const more = await chat.say('xem đầy đủ');
    expect(keys(more)).toEqual(['nominate.privacy.fullWithBloc', 'nominate.ask.nameIndividual']);
    expect(more[0]?.reply.params).toEqual({ blocNotice: h.bloc.options.privacyNotice });
    const position = await chat.say('Nguyễn Thị Hoa');
    expect(keys(position)).toEqual(['nominate.ask.position']);
    expect(position[0]?.reply.params).toEqual({ name: 'Nguyễn Thị Hoa', max: 200 });
    expect(keys(await chat.say('Phó Chủ tịch UBND xã'))).toEqual(['nominate.ask.workplace']);
    expect(keys(await chat.say('UBND xã Bản Mế'))).toEqual(['nominate.ask.movement']);
    expect(keys(await chat.say('chuyen doi so'))).toEqual(['nominate.ask.achievements']);
    expect(keys(await chat.say(ACHIEVEMENTS))).toEqual(['nominate.ask.photo']);
    expect(keys(await chat.say('đây là ảnh'))).toEqual(['nominate.photo.expected', 'nominate.ask.photo']);

    const summary = await chat.say('', { photoRef: 'tg-file-123' });
    // Already given before the name: not again at the summary.
    expect(keys(summary)).toEqual(['nominate.summary']);
    expect(summaryFields(last(summary))).toEqual([
      ['kind', 'nominate.kind.individual'],
      ['name', 'Nguyễn Thị Hoa'],
      ['position', 'Phó Chủ tịch UBND xã'],
      ['workplace', 'UBND xã Bản Mế'],
      ['movement', '6. Chuyển đổi số: chính quyền số, kinh tế số, xã hội số 2021–2025'],
      ['achievements', ACHIEVEMENTS],
      ['photo', 'nominate.photo.attached'],
    ]);

    expect(keys(await chat.say('gửi'))).toEqual(['nominate.sent']);
    const [saved] = await stored();
    expect(saved).toMatchObject({
      kind: 'individual',
      name: 'Nguyễn Thị Hoa',
      position: 'Phó Chủ tịch UBND xã',
      workplace: 'UBND xã Bản Mế',
      movementId: 'chuyen-doi-so',
      photoRef: 'tg-file-123',
    });
  });

  it('picks a movement by number, by words without diacritics, and offers choices when words are ambiguous', async () => {
    const chat = await h.person({ role: 'focal' });
    await toMovement(chat);
    const unknown = await chat.say('không có phong trào này');
    expect(keys(unknown)).toEqual(['nominate.movement.unknown']);
    expect(optionIds(unknown)).toHaveLength(12);
    const several = await chat.say('toan dan');
    expect(keys(several)).toEqual(['nominate.movement.several']);
    expect(several[0]?.reply.params).toEqual({ text: 'toan dan', count: 2 });
    expect(optionIds(several)).toEqual(['quoc-phong-an-ninh', 'doi-song-van-hoa']);
    expect(optionTexts(several)[1]).toMatch(/^Toàn dân đoàn kết/);
    // "2" now means the second of the two offered, not movement 2.
    expect(keys(await chat.say('2'))).toEqual(['nominate.ask.achievements']);
    await chat.say(ACHIEVEMENTS);
    const summary = await chat.say('skip');
    expect(summaryFields(last(summary))).toContainEqual([
      'movement',
      '11. Toàn dân đoàn kết xây dựng đời sống văn hóa; nông thôn mới, đô thị văn minh 2021–2025',
    ]);

    // Words from the middle of a name still find it; a number picks from the whole list.
    const other = await h.person({ role: 'focal', unitId: 'bac-ha' });
    await toMovement(other);
    expect(keys(await other.say('dan so'))).toEqual(['nominate.ask.achievements']);
    await other.say(ACHIEVEMENTS);
    let otherSummary = await other.say('bo qua');
    expect(summaryFields(last(otherSummary))).toContainEqual([
      'movement',
      expect.stringMatching(/^4\. Bảo vệ, chăm sóc/),
    ]);
    for (const answer of ['quay lại', 'quay lại', 'quay lại']) await other.say(answer);
    expect(keys(await other.say('12'))).toEqual(['nominate.ask.achievements']);
    await other.say(ACHIEVEMENTS);
    otherSummary = await other.say('bo qua');
    expect(summaryFields(last(otherSummary))).toContainEqual([
      'movement',
      expect.stringMatching(/^12\. Nông dân sản xuất/),
    ]);
  });

  it('refuses an empty or too long name and too short achievements, then accepts them', async () => {
    const chat = await h.person({ role: 'focal' });
    await chat.say('/dexuat');
    await chat.say('tập thể');
    expect(keys(await chat.say(''))).toEqual(['nominate.text.empty', 'nominate.ask.nameCollective']);
    const tooLong = await chat.say('A'.repeat(201));
    expect(keys(tooLong)).toEqual(['nominate.text.tooLong', 'nominate.ask.nameCollective']);
    expect(tooLong[0]?.reply.params).toMatchObject({ field: { key: 'nominate.field.name' }, length: 201, max: 200 });
    expect(keys(await chat.say('A'.repeat(200)))).toEqual(['nominate.ask.movement']);
    await chat.say('1');
    const tooShort = await chat.say('Làm tốt');
    expect(keys(tooShort)).toEqual(['nominate.text.tooShort', 'nominate.ask.achievements']);
    expect(tooShort[0]?.reply.params).toMatchObject({
      field: { key: 'nominate.field.achievements' },
      length: 7,
      min: 20,
    });
    expect(keys(await chat.say(ACHIEVEMENTS))).toEqual(['nominate.ask.photo']);
  });

  it('goes back from the movement to the name, and takes a command word as an answer', async () => {
    const chat = await h.person({ role: 'focal' });
    await toMovement(chat, 'Tên gõ nhầm');
    expect(keys(await chat.say('quay lại'))).toEqual(['nominate.ask.nameCollective']);
    // "nhóm" is a command word outside a conversation; here it is the name.
    expect(keys(await chat.say('nhóm'))).toEqual(['nominate.ask.movement']);
    await chat.say('1');
    await chat.say(ACHIEVEMENTS);
    await chat.say('bỏ qua');
    await chat.say('1');
    expect((await stored()).map((n) => n.name)).toEqual(['nhóm']);
  });

  it('flags a likely duplicate from another unit: same name folded, movement and year', async () => {
    const existing = await h.program.repos.nominations.create({
      blocId: h.bloc.id,
      unitId: 'bac-ha',
      year: 2023,
      kind: 'individual',
      name: 'NGUYEN THI  HOA',
      movementId: 'chuyen-doi-so',
      achievements: ACHIEVEMENTS,
      createdAt: new Date('2023-05-02T03:00:00Z'),
    });
    await h.program.repos.nominations.create({
      blocId: h.bloc.id,
      unitId: 'bao-yen',
      year: 2023,
      kind: 'individual',
      name: 'Nguyễn Thị Hoa',
      movementId: 'cai-cach-hanh-chinh',
      achievements: ACHIEVEMENTS,
    });
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await chat.say('/dexuat');
    expect(keys(await chat.say('2'))).toEqual(['nominate.privacy.short', 'nominate.ask.nameIndividual']);
    for (const answer of ['Nguyễn Thị Hoa', 'Chuyên viên', 'UBND huyện', '6', ACHIEVEMENTS]) await chat.say(answer);
    const summary = await chat.say('bỏ qua');
    expect(keys(summary)).toEqual(['nominate.duplicate.warning', 'nominate.summary']);
    expect(summary[0]?.reply.params).toEqual({
      year: 2023,
      entries: [
        { key: 'nominate.duplicate.entry', params: { unit: 'Huyện Bắc Hà', number: existing.id, date: '02/05/2023' } },
      ],
    });
    // Still possible to send (the secretariat decides); the nomination is kept.
    expect(keys(await chat.say('1'))).toEqual(['nominate.sent']);
    expect(await stored()).toHaveLength(1);
  });

  it('changes a field from the summary and returns to it, asking what a new kind needs', async () => {
    const chat = await h.person({ role: 'focal' });
    await toMovement(chat, 'Trường Tiểu học Lử Thẩn');
    await chat.say('3');
    await chat.say(ACHIEVEMENTS);
    await chat.say('bỏ qua');

    const edit = await chat.say('2');
    expect(keys(edit)).toEqual(['nominate.askEdit']);
    expect(optionIds(edit)).toEqual(['kind', 'name', 'movement', 'achievements', 'photo']);
    expect(keys(await chat.say('phong trào'))).toEqual(['nominate.ask.movement']);
    const afterMovement = await chat.say('cai cach');
    expect(keys(afterMovement)).toEqual(['nominate.summary']);
    expect(summaryFields(last(afterMovement))).toContainEqual(['movement', '5. Cải cách hành chính 2021–2025']);

    // Back while changing a field returns to the summary unchanged.
    await chat.say('sửa một mục');
    await chat.say('tên');
    expect(keys(await chat.say('quay lại'))).toEqual(['nominate.summary']);

    // A collective becomes an individual: the notice comes before the position is asked, then the workplace.
    await chat.say('2');
    await chat.say('loại');
    expect(keys(await chat.say('cá nhân'))).toEqual(['nominate.privacy.short', 'nominate.ask.position']);
    expect(keys(await chat.say('Hiệu trưởng'))).toEqual(['nominate.ask.workplace']);
    const summary = await chat.say('Trường Tiểu học Lử Thẩn');
    expect(keys(summary)).toEqual(['nominate.summary']);
    expect(summaryFields(last(summary)).map(([field]) => field)).toEqual([
      'kind',
      'name',
      'position',
      'workplace',
      'movement',
      'achievements',
      'photo',
    ]);

    // The draft holds what was typed: discarding it is confirmed first.
    expect(keys(await chat.say('hủy đề xuất'))).toEqual(['engine.discardConfirm']);
    expect(keys(await chat.say('có'))).toEqual(['engine.cancelled']);
    expect(await stored()).toEqual([]);
  });

  it('gives the notice once per draft: with `/dexuat ca nhan`, and not again after going back and choosing again', async () => {
    const chat = await h.person({ role: 'focal' });
    expect(keys(await chat.say('/dexuat ca nhan'))).toEqual([
      'nominate.intro',
      'nominate.privacy.short',
      'nominate.ask.nameIndividual',
    ]);
    expect(keys(await chat.say('quay lại'))).toEqual(['nominate.ask.kind']);
    expect(keys(await chat.say('cá nhân'))).toEqual(['nominate.ask.nameIndividual']);
    await chat.say('quay lại');
    expect(keys(await chat.say('tập thể'))).toEqual(['nominate.ask.nameCollective']);
    await chat.say('quay lại');
    expect(keys(await chat.say('cá nhân'))).toEqual(['nominate.ask.nameIndividual']);
    for (const answer of ['Nguyễn Văn An', 'Chuyên viên', 'UBND huyện', '5', ACHIEVEMENTS]) await chat.say(answer);
    expect(keys(await chat.say('bỏ qua'))).toEqual(['nominate.summary']);

    // A new draft is told again.
    await chat.say('hủy đề xuất');
    await chat.say('có');
    await chat.say('/dexuat');
    expect(keys(await chat.say('cá nhân'))).toEqual(['nominate.privacy.short', 'nominate.ask.nameIndividual']);
  });

  it('gives the notice at the summary to a draft for an individual begun before it was asked up front', async () => {
    const chat = await h.person({ role: 'focal', userId: 'early' });
    for (const answer of ['/dexuat', 'cá nhân', 'Nguyễn Văn An', 'Chuyên viên', 'UBND huyện']) await chat.say(answer);
    // The draft as saved before the notice moved (past the personal questions, never told).
    const { sessions } = h.program.services;
    const key = 'console:early:early';
    type Saved = { drafts: { dexuat: { step: string; draft: Record<string, unknown> } } };
    const saved = (await sessions.get(key)) as Saved;
    expect(saved.drafts.dexuat).toMatchObject({ step: 'movement', draft: { noticeShown: true } });
    const before = { ...saved.drafts.dexuat, draft: { ...saved.drafts.dexuat.draft, noticeShown: undefined } };
    await sessions.set(key, { ...saved, drafts: { dexuat: before } }, 60_000);
    for (const answer of ['5', ACHIEVEMENTS]) await chat.say(answer);
    expect(keys(await chat.say('bỏ qua'))).toEqual(['nominate.privacy.fullWithBloc', 'nominate.summary']);
  });

  it('is refused to a leader, in a group, and on a stale button', async () => {
    const leader = await h.person({ role: 'leader' });
    const refused = await leader.say('/dexuat');
    expect(keys(refused)).toEqual(['engine.notAllowed']);
    expect(refused[0]?.reply.params).toEqual({ command: 'dexuat' });

    const inGroup = await h.person({ role: 'focal', chatType: 'group', chatId: 'group-1' });
    expect(keys(await inGroup.say('/dexuat'))).toEqual(['nominate.privateOnly']);

    const chat = await h.person({ role: 'focal' });
    await chat.say('/dexuat');
    expect(keys(await chat.say('', { optionId: 'zz|x' }))).toEqual(['engine.staleButton']);
    // The question still stands.
    expect(keys(await chat.say('tập thể'))).toEqual(['nominate.ask.nameCollective']);
  });

  it('says there is no step before the first one', async () => {
    const chat = await h.person({ role: 'focal' });
    await chat.say('/dexuat');
    const back = await chat.say('quay lại');
    expect(keys(back)).toEqual(['nominate.atFirstStep', 'nominate.ask.kind']);
  });
});
