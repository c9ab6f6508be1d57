import type { FieldRole } from '../types';

/**
 * A site adapter: declarative data, no code. It says which sites it is for and, per role, the
 * CSS selector of that field; `line` names the element that holds one service line.
 */
export interface SiteAdapter {
  id: string;
  /** What the adapter is for, in words (the portal's name). */
  name: string;
  match: {
    /** Host patterns with `*` wildcards ("*.therachart.example"); "*" only together with `selector`. */
    hosts: string[];
    /** The page must contain this element (an app marker such as a meta tag). */
    selector?: string | undefined;
  };
  /** One element per service line (a row, a card). */
  line?: string | undefined;
  fields: { role: FieldRole; selector: string }[];
}
