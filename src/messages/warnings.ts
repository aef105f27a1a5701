import type { TFunction } from 'i18next';
import type { Warning } from '../sla/index.js';

export function warningText(t: TFunction, warning: Warning): string {
  const key = warning.reason === 'waiting_on_customer' ? 'downgrade_risk_waiting' : warning.code;
  return t(`sla:warning.${key}`, { to: warning.to });
}
