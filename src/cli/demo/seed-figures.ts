/**
 * The example bloc's figures for June 2023 (year to date where the indicator is cumulative), from
 * the seed article (/work/shared/seed, domain.md) where it gives them and plausible elsewhere:
 *  - crop output: Bảo Yên 51,6 %, Văn Bàn 51 %, the others "trên 50 %";
 *  - industrial value: Bảo Thắng 54,9 % and Văn Bàn 56 % of plan; the units' values add up to the
 *    bloc's 20.207 tỷ đồng (40 % of the 50.500 tỷ planned); year on year TP Lào Cai 210 %, Bắc Hà 105 %;
 *  - new jobs: Si Ma Cai 76 %, TP Lào Cai 65,4 %, Bát Xát 66,62 %, Bảo Yên 65,8 % (the seed's
 *    "65.79,2%" cannot be read), Bảo Thắng 69,1 % of plan;
 *  - universal education 152/152 communes over the bloc; enrolment 99,7 % on average;
 *  - new-rural communes 62/127; 10,61 criteria per commune on average (weighted by communes);
 *  - commendations 1.502 collectives and 9.224 individuals over the half year (spread in code).
 * Budget revenue is "50 % of plan" for the bloc: each unit's percent is given, the amount follows.
 */
export interface SeedUnitFigures {
  /** Budget revenue in percent of the unit's plan. */
  budgetPercent: number;
  crop: number;
  /** Industrial value in tỷ đồng. */
  industry: number;
  industryYoy: number;
  /** New jobs in percent of the unit's plan. */
  jobsPercent: number;
  enrolment: number;
  /** New-rural communes (the denominator is the unit's number of communes, its plan). */
  ruralCommunes: number;
  criteria: number;
  /** Share of the bloc's commendations. */
  commendationWeight: number;
}

export const SEED_JUNE: Record<string, SeedUnitFigures> = {
  'thanh-pho-lao-cai': {
    budgetPercent: 52,
    crop: 50.2,
    industry: 2850,
    industryYoy: 210,
    jobsPercent: 65.4,
    enrolment: 99.9,
    ruralCommunes: 7,
    criteria: 17.6,
    commendationWeight: 1.4,
  },
  'thi-xa-sa-pa': {
    budgetPercent: 48,
    crop: 50.5,
    industry: 480,
    industryYoy: 92,
    jobsPercent: 60,
    enrolment: 99.6,
    ruralCommunes: 6,
    criteria: 12.4,
    commendationWeight: 0.8,
  },
  'bat-xat': {
    budgetPercent: 51,
    crop: 50.8,
    industry: 1700,
    industryYoy: 90,
    jobsPercent: 66.62,
    enrolment: 99.7,
    ruralCommunes: 9,
    criteria: 10.2,
    commendationWeight: 1.1,
  },
  'bao-thang': {
    budgetPercent: 50,
    crop: 50.4,
    industry: 12078,
    industryYoy: 88,
    jobsPercent: 69.1,
    enrolment: 99.8,
    ruralCommunes: 9,
    criteria: 13.8,
    commendationWeight: 1.2,
  },
  'bao-yen': {
    budgetPercent: 53,
    crop: 51.6,
    industry: 575,
    industryYoy: 93,
    jobsPercent: 65.8,
    enrolment: 99.7,
    ruralCommunes: 8,
    criteria: 10.5,
    commendationWeight: 1,
  },
  'bac-ha': {
    budgetPercent: 49,
    crop: 50.9,
    industry: 338,
    industryYoy: 105,
    jobsPercent: 62,
    enrolment: 99.6,
    ruralCommunes: 5,
    criteria: 9.1,
    commendationWeight: 0.8,
  },
  'muong-khuong': {
    budgetPercent: 47,
    crop: 50.3,
    industry: 266,
    industryYoy: 86,
    jobsPercent: 58,
    enrolment: 99.2,
    ruralCommunes: 5,
    criteria: 8.8,
    commendationWeight: 0.8,
  },
  'si-ma-cai': {
    budgetPercent: 55,
    crop: 50.1,
    industry: 128,
    industryYoy: 89,
    jobsPercent: 76,
    enrolment: 99.6,
    ruralCommunes: 4,
    criteria: 8.3,
    commendationWeight: 0.6,
  },
  'van-ban': {
    budgetPercent: 50,
    crop: 51,
    industry: 1792,
    industryYoy: 95,
    jobsPercent: 63,
    enrolment: 99.8,
    ruralCommunes: 9,
    criteria: 9.9,
    commendationWeight: 1.1,
  },
};

/** The bloc's half-year commendations (seed: "1502 lượt tập thể và 9.224 lượt cá nhân"). */
export const SEED_COMMENDATIONS = { collectives: 1502, individuals: 9224 };

/** How much of June's year-to-date figure each month had reached (cumulative indicators). */
export const CUMULATIVE_SHARE = [0.12, 0.27, 0.43, 0.6, 0.79, 1];

/** How the half year's commendations fall by month: January carries the year-end awards. */
export const COMMENDATION_MONTH_WEIGHT = [0.32, 0.1, 0.12, 0.14, 0.14, 0.18];

/**
 * The demo's two irregular units: Si Ma Cai sends June late (after the due day), Mường Khương sends
 * nothing for June. Bảo Yên corrects its June budget revenue after sending, so the audit has a line.
 */
export const DEMO_LATE = { unitId: 'si-ma-cai', periodId: '2023-06' };
export const DEMO_MISSING = { unitId: 'muong-khuong', periodId: '2023-06' };
/** Units whose June industrial value is an estimate ("ước đạt", as the seed says of the bloc's). */
export const DEMO_ESTIMATES: ReadonlySet<string> = new Set(['thanh-pho-lao-cai', 'bao-thang', 'bac-ha']);
export const DEMO_REVISION = {
  unitId: 'bao-yen',
  periodId: '2023-06',
  indicatorCode: 'thu-ngan-sach',
  firstPercent: 51,
  reason: 'Chi cục Thuế điều chỉnh số liệu thu',
};
