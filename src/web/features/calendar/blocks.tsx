import { Link } from '@tanstack/react-router';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change } from '../changes/types.ts';
import { regionStyle, typeStyle } from './colors.ts';
import { clockText, durationMinutes, durationText, wallClock } from './layout.ts';
import type { RegionWindow } from './queries.ts';

/** "EMEA, weekday window: 21:00 – 06:00 (9 h)" on the viewer's clock. */
export function useWindowText() {
  const { t } = useTranslation();
  return (w: RegionWindow, zone: string) =>
    t('calendar.windowText', {
      region: w.region,
      kind: t(`calendar.kinds.${w.kind}`),
      from: clockText(wallClock(w.start, zone).minutes),
      to: clockText(wallClock(w.end, zone).minutes),
      duration: durationText(durationMinutes(w)),
    });
}

/** A window's shaded block (or band piece): its words are there for screen readers and as a tooltip. */
export function WindowBlock({
  window: w,
  zone,
  day,
  style,
}: {
  window: RegionWindow;
  zone: string;
  day: string;
  style: CSSProperties;
}) {
  const text = useWindowText()(w, zone);
  return (
    <div
      className="cal-window"
      data-testid="calendar-window"
      data-region={w.region}
      data-kind={w.kind}
      data-day={day}
      title={text}
      style={{ ...regionStyle(w.region), ...style }}
    >
      <span className="visually-hidden">{text}</span>
    </div>
  );
}

/** A change as a link to its page: time, reference and title; type and status for screen readers. */
export function ChangeBlock({
  change,
  zone,
  day,
  top,
  style,
  continued = false,
}: {
  change: Change;
  zone: string;
  day: string;
  /** Wall-clock minutes where the block starts on `day`. */
  top?: number;
  style?: CSSProperties;
  /** The part after midnight of a change begun the day before: shows until when it runs. */
  continued?: boolean;
}) {
  const { t } = useTranslation();
  const from = clockText(wallClock(change.start, zone).minutes);
  const to = clockText(wallClock(change.end, zone).minutes);
  const details = t('calendar.changeDetails', {
    type: t(`calendar.changeTypes.${change.type}`),
    status: t(`calendar.changeStatuses.${change.status}`),
    from,
    to,
    regions: change.regions.join(', '),
  });
  return (
    <Link
      to="/changes/$changeId"
      params={{ changeId: change.id }}
      className="cal-change"
      data-testid="calendar-change"
      data-change-id={change.id}
      data-type={change.type}
      data-status={change.status}
      data-day={day}
      {...(top === undefined ? {} : { 'data-top': top })}
      title={`${change.title} (${change.reference}) — ${details}`}
      style={{ ...typeStyle(change.type), ...style }}
    >
      <span className="cal-change-text">
        <span className="cal-change-time">{continued ? `→ ${to}` : from}</span> {change.title}
      </span>
      <span className="cal-change-ref"> {change.reference}</span>
      <span className="visually-hidden"> — {details}</span>
    </Link>
  );
}
