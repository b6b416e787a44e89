import type { ReactNode } from 'react';

/**
 * A data table in a box of its own (the devices page, the report): on a phone, where its columns
 * are wider than the window, the table scrolls inside the box (a data table may, WCAG 1.4.10) and
 * the page never scrolls sideways. The box takes the focus so that a keyboard can scroll it too.
 * A group, not a region: the section around it is already the landmark of that name.
 */
export const TableBox = ({ labelledBy, children }: { labelledBy: string; children: ReactNode }) => (
  // biome-ignore lint/a11y: a box that scrolls must be reachable by keyboard (axe: scrollable-region-focusable), and a fieldset is for form controls, not a table
  <div className="table-box" role="group" aria-labelledby={labelledBy} tabIndex={0}>
    {children}
  </div>
);
