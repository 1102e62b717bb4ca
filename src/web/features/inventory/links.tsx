import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { InventorySearch } from './search.ts';

/** A link to the instances list with filters, e.g. one customer's applications that must upgrade. */
export function InstancesLink({
  search,
  children,
  ...props
}: { search: InventorySearch; children: ReactNode } & AnchorProps) {
  return (
    <Anchor {...props} renderRoot={(root) => <Link {...root} to="/inventory" search={search} />}>
      {children}
    </Anchor>
  );
}
