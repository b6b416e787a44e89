import { Trans } from '@lingui/react';

/**
 * "Expert panel 1: Interactive discussion": an agenda item's title and its step's, as the chair
 * wrote them (in any script), each kept apart from the direction of the page around it, so an
 * English title on an Arabic page keeps its words and its numbers in their order.
 */
export const ItemAndStep = ({ item, step }: { item: string; step: string }) => (
  <Trans
    id="report.item-and-step"
    values={{ item, step }}
    components={{ 0: <bdi />, 1: <bdi /> }}
  />
);
