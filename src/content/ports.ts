import type { EditTables } from '../core/data/edit-tables';
import type { Finding, Fix } from '../core/finding';
import type { PayerProfile } from '../core/profile';
import type { PageChange, PageConfig, PageReading } from '../page/types';
import type { PageWatch, WatchOptions } from '../page/watch';

/** The settings a frame needs (src/settings `SiteConfig`, narrowed to what the content script uses). */
export interface FrameSettings {
  /** False when the user or administrator switched this site off. */
  run: boolean;
  /** The site's payer profile; null: detect from the page, else Medicare. */
  profileId: string | null;
  customProfiles: PayerProfile[];
  page: PageConfig;
  tables: EditTables | undefined;
}

/**
 * Everything the content script uses from the page, core and settings layers. `deps.ts` binds
 * the real modules; tests hand in fakes, so the wiring is tested without a browser extension.
 */
export interface Ports {
  readPage(doc: Document, config: PageConfig): PageReading | null;
  /** readPage as steps (it pauses between slices), for a first read spread over tasks; optional. */
  readPageSteps?(doc: Document, config: PageConfig): Generator<void, PageReading | null>;
  watchPage(
    doc: Document,
    config: PageConfig,
    onChange: (change: PageChange) => void,
    signal: AbortSignal,
    options?: WatchOptions,
  ): PageWatch | undefined;
  /** Brings a reading up to date after fields it read were edited in place; false: read the page again. */
  updateReading(reading: PageReading, edited: Iterable<Node>): boolean;
  applyFix(fix: Fix, reading: PageReading): boolean;
  /** E2E build: marks the fields read; a null reading clears the marks of this document. */
  markForE2E(reading: PageReading | null, doc: Document): void;
  checkClaim(
    input: unknown,
    options: { profile: PayerProfile; customProfiles: PayerProfile[]; tables: EditTables | undefined },
  ): Finding[];
  loadSettings(url: string): Promise<FrameSettings>;
  onSettingsChanged(callback: () => void, signal: AbortSignal): void;
  recordOverride(entry: { rule: string; site: string; reason: string }): Promise<void>;
}
