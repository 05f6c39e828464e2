'use client';

import { Button } from '@/components/ui/button';

/** Opens the print dialog; without JavaScript the browser's own Print prints the same page. */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      Print
    </Button>
  );
}
