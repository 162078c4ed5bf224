// Shorthands for the catalogue's demo parameters. Pure.
import type { DemoParam } from './catalog';

/** An integer parameter. */
export function intParam(
  flag: string,
  en: string,
  zh: string,
  def: number,
  min: number,
  max: number,
): DemoParam {
  return { kind: 'int', flag, label: { en, zh }, default: def, min, max };
}

/** A real-number parameter. */
export function numParam(
  flag: string,
  en: string,
  zh: string,
  def: number,
  min: number,
  max: number,
): DemoParam {
  return { kind: 'number', flag, label: { en, zh }, default: def, min, max };
}

/** --time-scale: multiplies the demo's sleeps (1 = the tutorial's values). */
export const TIME_SCALE: DemoParam = numParam(
  '--time-scale',
  'Time scale (multiplies the sleeps; 1 = the tutorial)',
  '时间倍数（乘以各处 sleep；1 = 教程原值）',
  1,
  0.01,
  10,
);

/** --seed: the random seed, so a run can be repeated. */
export const SEED: DemoParam = intParam('--seed', 'Random seed', '随机种子', 1, 0, 1_000_000);

/** The tutorial's db.txt: one ticket left. */
export const ONE_TICKET_DB = { 'db.txt': '{"count": 1}' };

/** The print that means one ticket was sold. */
export const SUCCESS_TEXT = '购票成功';
