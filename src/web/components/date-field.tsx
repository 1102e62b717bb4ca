import { DateInput, type DateInputProps } from '@mantine/dates';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../app/session.ts';
import { parseDateInput } from './date-input-parse.ts';
import { formatCivilDate } from './time.ts';

type Width = string | number | { base: string | number; xs?: number; sm?: number };

/** What a DateField and a DateTimeField both take. */
export interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  w?: Width;
  miw?: number | string;
  minDate?: string | undefined;
  disabled?: boolean;
  /** The field a dialog focuses when it opens; that focus alone does not open the calendar. */
  'data-autofocus'?: boolean;
}

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
  miw,
  minDate,
  id,
  disabled,
  'data-autofocus': autoFocus,
  inputContainer,
  wrapperProps,
}: FieldProps & {
  clearable?: boolean;
  id?: string;
  /** Around the input, under the label (DateTimeField puts the time beside it). */
  inputContainer?: DateInputProps['inputContainer'];
  /** Attributes of the element that holds label, input, description and error. */
  wrapperProps?: DateInputProps['wrapperProps'];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  // While the calendar is open, Escape closes it and not the dialog around the field (Mantine's
  // own pickers say so with this attribute; DateInput does not).
  const [calendarOpen, setCalendarOpen] = useState(false);
  // A dialog's first focus on the field leaves the calendar closed, over the rest of the form,
  // until the user clicks the field or types in it.
  const [quiet, setQuiet] = useState(!!autoFocus);
  const lastKey = useRef(0);
  return (
    <DateInput
      id={id}
      data-autofocus={autoFocus || undefined}
      data-mantine-stop-propagation={(calendarOpen && !quiet) || undefined}
      onFocus={() => setCalendarOpen(true)}
      onClick={() => {
        setQuiet(false);
        setCalendarOpen(true);
      }}
      onBlur={() => {
        setQuiet(false);
        setCalendarOpen(false);
      }}
      onKeyDown={(event) => {
        lastKey.current = Date.now();
        if (event.key !== 'Tab') setQuiet(false);
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
      disabled={disabled}
      clearable={clearable}
      clearButtonProps={{ 'aria-label': t('dates.clear') }}
      {...(minDate ? { minDate } : {})}
      {...(w !== undefined ? { w } : {})}
      {...(miw !== undefined ? { miw } : {})}
      {...(inputContainer ? { inputContainer } : {})}
      {...(wrapperProps ? { wrapperProps } : {})}
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
      popoverProps={{ withinPortal: true, ...(quiet ? { opened: false } : {}) }}
    />
  );
}
