import { BlackoutBanner } from './BlackoutBanner';
import { PointOfOrderAlert } from './PointOfOrderAlert';

/**
 * What nobody at a console may miss, at its top and in view as it scrolls: a point of order
 * waiting (first: it calls for an answer), and a room display gone black.
 */
export const ConsoleAlerts = () => (
  <div className="console-alerts">
    <PointOfOrderAlert />
    <BlackoutBanner />
  </div>
);
