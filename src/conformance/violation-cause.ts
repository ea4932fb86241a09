import type { Violation } from '../contract/violation.js';

/**
 * A contract violation stated without the particulars of one response, so that the same fault in many
 * responses makes one finding: array indexes become `*`, a body excerpt is dropped, and an extra
 * property of a `select` answer becomes "fields that were not selected".
 */
export function causeOfViolation(violation: Violation, status: number, hasSelect: boolean): string {
  switch (violation.kind) {
    case 'undeclared-status':
      return `status ${status} is not declared for the operation`;
    case 'invalid-json':
      return `the ${status} body is not JSON`;
    case 'content-type':
      return `${status}: ${violation.message}`;
    case 'body-schema': {
      if (hasSelect && /must NOT have additional properties/.test(violation.message)) {
        return 'a select answer holds fields that were not selected';
      }
      const general = violation.message.replace(/\/\d+(?=\/|\s|$)/g, '/*').replace(/: '[^']*'$/, '');
      return `${status} body: ${general}`;
    }
  }
}
