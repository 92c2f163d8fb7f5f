import type { Satisfaction } from '../satisfaction/index.js';
import { instant, monthsBetween, workingDayOnOrAfter, type Timeline } from './calendar.js';
import type { Ids } from './demo-rows.js';
import type { LiveSpan } from './generate-adoptions.js';
import { serviceProfile } from './plan-projects.js';
import { clamp, Random } from './random.js';

const MONTH = 30.44;

/** The mean of `count` star ratings around `mean`: single votes for few ratings, the limit for many. */
function averageRating(count: number, mean: number, random: Random): number | null {
  if (count === 0) {
    return null;
  }
  if (count <= 25) {
    let sum = 0;
    for (let i = 0; i < count; i += 1) {
      sum += clamp(Math.round(random.normal(mean, 1)), 1, 5);
    }
    return Math.round((sum / count) * 100) / 100;
  }
  return Math.round(clamp(random.normal(mean, 0.8 / Math.sqrt(count)), 1, 5) * 100) / 100;
}

/**
 * Monthly figures of every live adoption, up to and including the current month (its figures so far).
 * Usage grows with the city's size and with the time the service has been live.
 */
export function generateSatisfaction(
  spans: readonly LiveSpan[],
  timeline: Timeline,
  ids: Ids,
): Satisfaction[] {
  const rows: Satisfaction[] = [];
  for (const span of spans) {
    const { project, city } = span;
    const profile = serviceProfile(project.plan.key);
    const random = new Random('satisfaction', project.plan.key, city.row.ags, span.from);
    const asksNps = new Random('nps', city.row.ags).chance(0.5);
    const quality = random.normal(0, 0.2);
    const completionOffset = random.normal(0, 0.05);
    const from = Math.max(span.from, timeline.start);
    const to = span.until === null ? timeline.today : Math.min(span.until - 1, timeline.today);
    for (const month of monthsBetween(from, to)) {
      const first = Math.max(month.first, from);
      const last = Math.min(month.first + month.days - 1, to);
      if (last < first) {
        continue;
      }
      const share = (last - first + 1) / month.days;
      const monthsLive = (month.first + month.days / 2 - span.from) / MONTH;
      const uptake =
        profile.onlineShare *
        (0.3 + 0.7 * (1 - Math.exp(-Math.max(0, monthsLive) / 9))) *
        Math.exp(city.affinity * 0.3);
      const season = 1 + 0.1 * Math.sin((2 * Math.PI * (Number(month.key.slice(5)) - 4)) / 12);
      const expected = (city.row.population / 1000) * profile.demandPer1000 * season * uptake * share;
      const started = Math.max(0, Math.round(expected * Math.exp(random.normal(0, 0.12))));
      const completion = clamp(profile.completion + completionOffset + random.normal(0, 0.03), 0.4, 0.97);
      const completed = Math.min(started, Math.round(started * completion));
      const visits = Math.round(
        started * random.between(2.2, 3.4) + (city.row.population / 1000) * share * random.between(0.5, 1.5),
      );
      const ratingsCount = Math.round(
        completed * random.between(0.05, 0.11) * Math.exp(random.normal(0, 0.15)),
      );
      const mean = clamp(
        profile.rating + quality + 0.08 * Math.min(Math.max(0, monthsLive) / 12, 2),
        2.6,
        4.5,
      );
      const average = averageRating(ratingsCount, mean, random);
      const nps =
        asksNps && average !== null
          ? clamp(Math.round((average - 3.6) * 55 + random.normal(0, 6)), -100, 100)
          : null;
      if (visits === 0) {
        continue;
      }
      // Figures of a finished month are imported in the first days of the next; the current month's so far.
      const imported = workingDayOnOrAfter(month.first + month.days + random.int(0, 3));
      const updatedAt =
        imported < timeline.today
          ? instant(imported, random.int(5 * 60, 7 * 60))
          : instant(timeline.today, 0);
      rows.push({
        id: ids.next('satisfaction'),
        projectId: project.row.id,
        cityId: city.row.id,
        month: month.key,
        ratingsCount,
        averageRating: average,
        nps,
        transactionsStarted: started,
        transactionsCompleted: completed,
        visits,
        updatedAt,
        version: 1,
      });
    }
  }
  return rows;
}
