/** Marks a value the administrator's policy sets: shown, not editable. */
export function Lock({ what = 'this' }: { what?: string }) {
  return (
    <span class="lock" title={`Set by your administrator: ${what} cannot be changed here`}>
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <path
          fill="currentColor"
          d="M5 7V5a3 3 0 1 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 1 0-3 0v2Z"
        />
      </svg>
      Managed
    </span>
  );
}
