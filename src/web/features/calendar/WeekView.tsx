import type { CSSProperties } from 'react';
import type { Region } from '../../api/types.ts';
import { useLocale } from '../../app/session.ts';
import type { Change } from '../changes/types.ts';
import { ChangeBlock, WindowBlock } from './blocks.tsx';
import { dayHeading, dayInFull } from './format.ts';
import { clockText, DAY_MINUTES, daySegments, placeOverlapping } from './layout.ts';
import type { RegionWindow } from './queries.ts';

const HOUR_PX = 26;
const HEAD_PX = 44;
/** A change block is never drawn shorter than this, so its time and reference stay readable. */
const MIN_BLOCK_MINUTES = 40;

const px = (minutes: number) => (minutes / 60) * HOUR_PX;

/**
 * Seven day columns on a 24-hour grid: each shown region's windows as shaded blocks in its own lane
 * (a window crossing midnight is drawn on both days), the changes as blocks on top of them, side by
 * side where they overlap.
 */
export function WeekView({
  days,
  today,
  zone,
  regions,
  windows,
  changes,
}: {
  days: string[];
  today: string;
  zone: string;
  regions: Region[];
  windows: RegionWindow[];
  changes: Change[];
}) {
  const locale = useLocale();
  const hours = Array.from({ length: 23 }, (_, i) => i + 1);
  const lanes = Math.max(1, regions.length);
  return (
    <div
      className="cal-week"
      data-testid="calendar-week"
      style={
        {
          '--cal-hour': `${HOUR_PX}px`,
          '--cal-head': `${HEAD_PX}px`,
          '--cal-day-height': `${px(DAY_MINUTES)}px`,
        } as CSSProperties
      }
    >
      <div className="cal-gutter" aria-hidden="true">
        {hours.map((h) => (
          <span key={h} style={{ top: h * HOUR_PX }}>
            {clockText(h * 60)}
          </span>
        ))}
      </div>
      <ol className="cal-days">
        {days.map((day) => {
          const windowSegments = daySegments(windows, day, zone);
          const placed = placeOverlapping(daySegments(changes, day, zone), MIN_BLOCK_MINUTES);
          return (
            <li
              key={day}
              className="cal-day"
              data-testid="calendar-day"
              data-day={day}
              {...(day === today ? { 'aria-current': 'date' as const } : {})}
            >
              <h3 className="cal-dayhead">
                <span aria-hidden="true">{dayHeading(day, locale)}</span>
                <span className="visually-hidden">{dayInFull(day, locale)}</span>
              </h3>
              <div className="cal-daybody">
                {windowSegments.map((s) => {
                  const lane = Math.max(0, regions.indexOf(s.item.region));
                  return (
                    <WindowBlock
                      key={`${s.item.region}-${s.item.start}`}
                      window={s.item}
                      zone={zone}
                      day={day}
                      style={{
                        top: px(s.top),
                        height: px(s.bottom - s.top),
                        left: `${(lane / lanes) * 100}%`,
                        width: `${100 / lanes}%`,
                      }}
                    />
                  );
                })}
                {placed.map((p) => {
                  const height = Math.max(px(p.bottom - p.top), px(MIN_BLOCK_MINUTES) - 2);
                  return (
                    <ChangeBlock
                      key={p.item.id}
                      change={p.item}
                      zone={zone}
                      day={day}
                      top={p.top}
                      continued={p.continuesBefore}
                      style={{
                        top: Math.min(px(p.top), px(DAY_MINUTES) - height),
                        height,
                        left: `calc(${(p.lane / p.lanes) * 100}% + 3px)`,
                        width: `calc(${100 / p.lanes}% - 6px)`,
                      }}
                    />
                  );
                })}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
