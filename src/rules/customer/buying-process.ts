import { defineRule, type RuleFinding } from '../define.js';
import { filled, someText } from '../helpers.js';

/** Seed 000 customer structure: how the customer buys and on what criteria. */
export default defineRule({
  id: 'customer/buying-process',
  check: ({ account }) => {
    const structure = account.customer?.structure;
    const out: RuleFinding[] = [];
    if (!filled(structure?.buying_process)) {
      out.push({ path: ['customer', 'structure', 'buying_process'], message: 'buying process unknown: set customer.structure.buying_process' });
    }
    if (!someText(structure?.selection_criteria)) {
      out.push({ path: ['customer', 'structure', 'selection_criteria'], message: 'selection criteria unknown: list customer.structure.selection_criteria' });
    }
    return out;
  },
});
