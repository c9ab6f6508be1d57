import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from '../../core/finding';
import type { OverlayActions } from '../types';

/**
 * Shown while a submit is held: says why, and offers Review (go to the first error) or
 * Submit anyway (with an optional reason for the override log). Only a real user's click
 * may release the submit: a page script calling .click() on this button does nothing.
 */
export function GuardNotice(props: { errors: Finding[]; actions: OverlayActions }) {
  const { errors, actions } = props;
  // Read at click time, not from render state: the click may come before a re-render.
  const reason = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const n = errors.length;
  return (
    <section
      class="cg-guard"
      role="alertdialog"
      aria-labelledby="cg-guard-title"
      aria-describedby="cg-guard-text"
    >
      <h2 id="cg-guard-title" tabIndex={-1} ref={heading}>
        Submit held: {n} error{n > 1 ? 's' : ''} on this claim
      </h2>
      <p id="cg-guard-text">
        {n > 1 ? 'These are' : 'This is'} likely to deny or be returned. Review {n > 1 ? 'them' : 'it'} first,
        or submit anyway if you know the claim is right.
      </p>
      <label>
        Reason for submitting anyway (optional, no patient details)
        <input type="text" maxLength={200} autoComplete="off" ref={reason} />
      </label>
      <div class="cg-actions">
        <button
          type="button"
          class="cg-btn cg-btn-primary"
          data-cg-guard="review"
          onClick={() => actions.review()}
        >
          Review first error
        </button>
        <button
          type="button"
          class="cg-btn cg-btn-danger"
          data-cg-guard="submit-anyway"
          onClick={(e) => {
            if (e.isTrusted) actions.submitAnyway(reason.current?.value.trim() ?? '');
          }}
        >
          Submit anyway
        </button>
      </div>
    </section>
  );
}
