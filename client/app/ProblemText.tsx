import type { MessageDescriptor } from '@lingui/core';
import type { Area } from '../i18n/areas';
import { Catalogues } from '../i18n/languages';
import { useT } from '../i18n/useT';

/** Where the words of an HTTP error said by its code are (`httpProblem`, client/app/api.ts). */
const PROBLEM_AREAS: readonly Area[] = ['refusals'];

const Said = ({ message }: { message: MessageDescriptor }) => {
  const t = useT();
  return t(message);
};

/**
 * What went wrong, in the page's language, on a page that reads `common` only (the join pages):
 * an HTTP error said by its code is a message of the refusals area, fetched the first time a
 * problem shows, so a join that goes well never loads it.
 */
export const ProblemText = ({ message }: { message: MessageDescriptor }) => (
  <Catalogues areas={PROBLEM_AREAS}>
    <Said message={message} />
  </Catalogues>
);
