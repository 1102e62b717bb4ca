import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../api/types.ts';
import { useLocale } from '../../app/session.ts';
import type { Change } from '../changes/types.ts';
import { ChangeBlock, WindowBlock } from './blocks.tsx';
import { dayInFull, weekdayNames } from './format.ts';
import { DAY_MINUTES, daySegments, startsByDay } from './layout.ts';
import type { RegionWindow } from './queries.ts';

/** Changes listed in a day cell before the rest fold into "+ n more". */
const SHOWN_PER_DAY = 3;

/**
 * The month as a table: per day a thin band per shown region, shaded where its windows cover the
 * day (on the viewer's clock), and the changes that start that day.
 */
export function MonthView({
  weeks,
  month,
  today,
  zone,
  regions,
  windows,
  changes,
  caption,
  onShowWeek,
}: {
  weeks: string[][];
  /** 'YYYY-MM' of the month shown: days of the months around it are dimmed. */
  month: string;
  today: string;
  zone: string;
  regions: Region[];
  windows: RegionWindow[];
  changes: Change[];
  caption: string;
  onShowWeek: (day: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = weekdayNames(locale);
  const starts = startsByDay(changes, weeks.flat(), zone);
  return (
    <table className="cal-month" data-testid="calendar-month">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {names.map((n) => (
            <th key={n.long} scope="col" abbr={n.long}>
              {n.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const segments = daySegments(windows, day, zone);
              const dayChanges = starts.get(day) ?? [];
              const hidden = dayChanges.length - SHOWN_PER_DAY;
              const outside = !day.startsWith(month);
              return (
                <td
                  key={day}
                  data-testid="calendar-day"
                  data-day={day}
                  data-outside={outside}
                  {...(day === today ? { 'aria-current': 'date' as const } : {})}
                >
                  <div className="cal-daynum">
                    <time dateTime={day}>
                      <span aria-hidden="true">{Number(day.slice(8))}</span>
                      <span className="visually-hidden">{dayInFull(day, locale)}</span>
                    </time>
                  </div>
                  {regions.length > 0 && (
                    <div className="cal-bands">
                      {regions.map((region) => (
                        <div key={region} className="cal-band" data-region={region}>
                          {segments
                            .filter((s) => s.item.region === region)
                            .map((s) => (
                              <WindowBlock
                                key={s.item.start}
                                window={s.item}
                                zone={zone}
                                day={day}
                                style={{
                                  left: `${(s.top / DAY_MINUTES) * 100}%`,
                                  width: `${((s.bottom - s.top) / DAY_MINUTES) * 100}%`,
                                }}
                              />
                            ))}
                        </div>
                      ))}
                    </div>
                  )}
                  {dayChanges.length > 0 && (
                    <ul className="cal-month-changes">
                      {dayChanges.slice(0, SHOWN_PER_DAY).map((c) => (
                        <li key={c.id}>
                          <ChangeBlock change={c} zone={zone} day={day} />
                        </li>
                      ))}
                      {hidden > 0 && (
                        <li>
                          <UnstyledButton className="link-button" fz="xs" onClick={() => onShowWeek(day)}>
                            {t('calendar.more', { count: hidden })}
                            <span className="visually-hidden">
                              {' '}
                              {t('calendar.moreHint', { date: dayInFull(day, locale) })}
                            </span>
                          </UnstyledButton>
                        </li>
                      )}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
