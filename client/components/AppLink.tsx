import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../app/router';

/**
 * A link inside the app: the page changes without reloading, so a console keeps its connection.
 * A click with a modifier (a new tab) is left to the browser.
 */
export const AppLink = ({
  to,
  className,
  children,
}: {
  to: string;
  className?: string;
  children: ReactNode;
}) => {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} className={className} onClick={follow}>
      {children}
    </a>
  );
};
