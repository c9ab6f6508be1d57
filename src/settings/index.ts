/** src/settings public API (see api.md). */
export { applyPolicy, isLocked, type ManagedPolicy, parsePolicy, taughtKey } from './managed';
export { MIGRATIONS, migrate } from './migrations';
export { normalizeSiteKey, repairSettings } from './repair';
export * from './schema';
export { type SiteConfig, siteConfigFor, siteSettingFor } from './site';
export {
  type LoadedSettings,
  loadSettings,
  loadUserSettings,
  onSettingsChanged,
  POLICY_CACHE_KEY,
  readPolicy,
  recordOverride,
  refreshPolicyCache,
  STORAGE_KEY,
  type UserSettings,
  updateSettings,
} from './store';
export { EXPORT_FORMAT, exportSettings, type ImportResult, importSettings, parseImport } from './transfer';
