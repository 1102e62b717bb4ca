import type { ReactNode } from 'react';
import { CustomerPicker as SearchingCustomerPicker } from '../../components/entity-picker.tsx';

/**
 * Picks a customer by typing part of its name: the server is searched as the user types, a page at
 * a time, so it works for a provider with thousands of customers as well as for the demo's 24. A
 * filter (every customer, clearable) unless `activeOnly`. The picker itself is the shared one of
 * components/entity-picker.tsx; this keeps the props the inventory screens and others pass.
 */
export function CustomerPicker({
  activeOnly = false,
  comboboxProps: _comboboxProps,
  ...props
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  activeOnly?: boolean;
  label?: string;
  'aria-label'?: string;
  placeholder?: string;
  required?: boolean;
  error?: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
  w?: string | number | { base: string | number; xs?: number; sm?: number };
  'data-autofocus'?: boolean;
  /** Accepted for compatibility: the dropdown always renders in a portal. */
  comboboxProps?: unknown;
}) {
  return <SearchingCustomerPicker {...props} clearable includeInactive={!activeOnly} />;
}
