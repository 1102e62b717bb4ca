import { DateInput } from '@mantine/dates';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../app/session.ts';
import { parseDateInput } from './date-input-parse.ts';
import { formatCivilDate } from './time.ts';

type Width = string | number | { base: string | number; xs?: number; sm?: number };

/**
 * A civil date (`YYYY-MM-DD`, '' for none): typed or picked from a calendar whose month and day
 * names and first day of the week follow the app's language (the `DatesProvider` in main.tsx), and
 * shown as the rest of the app shows dates.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  description,
  required,
  clearable,
  w,
  minDate,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  clearable?: boolean;
  w?: Width;
  minDate?: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  // While the calendar is open, Escape closes it and not the dialog around the field (Mantine's
  // own pickers say so with this attribute; DateInput does not).
  const [calendarOpen, setCalendarOpen] = useState(false);
  const lastKey = useRef(0);
  return (
    <DateInput
      data-mantine-stop-propagation={calendarOpen || undefined}
      onFocus={() => setCalendarOpen(true)}
      onClick={() => setCalendarOpen(true)}
      onBlur={() => setCalendarOpen(false)}
      onKeyDown={(event) => {
        lastKey.current = Date.now();
        setCalendarOpen(event.key !== 'Escape');
      }}
      label={label}
      value={value || null}
      onChange={(v) => {
        onChange(v ?? '');
        // A day picked in the calendar closes it; typing keeps it open.
        if (Date.now() - lastKey.current > 100) setCalendarOpen(false);
      }}
      valueFormat={(d) => formatCivilDate(d, locale)}
      dateParser={(text) => parseDateInput(text, locale)}
      placeholder={t('dates.placeholder')}
      error={error}
      description={description}
      required={required}
      clearable={clearable}
      clearButtonProps={{ 'aria-label': t('dates.clear') }}
      {...(minDate ? { minDate } : {})}
      {...(w !== undefined ? { w } : {})}
      ariaLabels={{
        previousMonth: t('dates.previousMonth'),
        nextMonth: t('dates.nextMonth'),
        previousYear: t('dates.previousYear'),
        nextYear: t('dates.nextYear'),
        previousDecade: t('dates.previousDecade'),
        nextDecade: t('dates.nextDecade'),
      }}
      // Days of the next and previous months would be dimmed below readable contrast: left out.
      hideOutsideDates
      classNames={{ day: 'date-field-day' }}
      popoverProps={{ withinPortal: true }}
    />
  );
}
