import { Box, Group } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { type FocusEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField, type FieldProps } from './date-field.tsx';

interface Parts {
  date: string;
  time: string;
}

const WALL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

function split(value: string): Parts {
  const match = WALL.exec(value);
  return { date: match?.[1] ?? '', time: match?.[2] ?? '' };
}

function join({ date, time }: Parts): string {
  return date && time ? `${date}T${time}` : '';
}

/**
 * A wall-clock time ('YYYY-MM-DDTHH:mm', '' for none), as the forms read it in a chosen zone: the
 * date typed or picked in the app's language (a DateField), the time typed beside it on a 24-hour
 * clock (hours, then minutes; the arrow keys step them). Half an entry (a date with no time, or a
 * time with no date) is '' to the form, as a browser's own field has it, and the field says what
 * is missing once the user leaves it.
 */
export function DateTimeField({
  value,
  onChange,
  error,
  minDate,
  name,
  'data-testid': testId,
  ...field
}: FieldProps & {
  /** Names a hidden input holding the value, for a form that is read as a whole. */
  name?: string;
  /** On the element around label, date, time and messages (a group named by the label). */
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [parts, setParts] = useState(() => split(value));
  // The value last seen from the form: a new one that the parts do not already say was set from
  // outside (a reset, a suggestion), and the time picker, which keeps its own state, starts over.
  const [seen, setSeen] = useState(value);
  const [version, setVersion] = useState(0);
  const [left, setLeft] = useState(false);
  if (value !== seen) {
    setSeen(value);
    if (value !== join(parts)) {
      setParts(split(value));
      setVersion((v) => v + 1);
    }
  }
  const update = (next: Parts) => {
    setParts(next);
    onChange(join(next));
  };

  const incomplete = !parts.date !== !parts.time;
  const shownError =
    error || (left && incomplete ? t(parts.date ? 'dates.timeMissing' : 'dates.dateMissing') : undefined);
  // The time's inputs are described as the date's are (Mantine's ids for the wrapper's messages).
  const describedBy =
    [
      shownError && typeof shownError !== 'boolean' ? `${id}-error` : '',
      field.description ? `${id}-description` : '',
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const timeInputProps = {
    'aria-invalid': shownError ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required || undefined,
  };

  return (
    <DateField
      {...field}
      id={id}
      value={parts.date}
      onChange={(date) => {
        // Clearing the date (an optional field's clear button) clears the time with it.
        if (!date) setVersion((v) => v + 1);
        update({ date, time: date ? parts.time : '' });
      }}
      error={shownError}
      clearable={!field.required}
      minDate={minDate?.slice(0, 10)}
      wrapperProps={{
        role: 'group',
        'aria-labelledby': `${id}-label`,
        'data-testid': testId,
        'data-value': value,
        onBlur: (event: FocusEvent<HTMLElement>) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setLeft(true);
        },
      }}
      inputContainer={(input) => (
        <Group gap="xs" wrap="nowrap" align="center">
          <Box flex={1} miw={0}>
            {input}
          </Box>
          <TimePicker
            key={version}
            defaultValue={parts.time}
            onChange={(time) => update({ ...parts, time: time.slice(0, 5) })}
            format="24h"
            hoursInputLabel={t('dates.hoursOf', { field: field.label })}
            minutesInputLabel={t('dates.minutesOf', { field: field.label })}
            hoursInputProps={timeInputProps}
            minutesInputProps={timeInputProps}
            error={!!shownError}
            disabled={field.disabled}
            flex="none"
          />
          {name && <input type="hidden" name={name} value={value} />}
        </Group>
      )}
    />
  );
}
