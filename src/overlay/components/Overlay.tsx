import type { Ref } from 'preact';
import type { Layout } from '../layout';
import type { OverlayActions, OverlayModel } from '../types';
import { Badge } from './Badge';
import { Panel, type PanelPlacement } from './Panel';

export interface OverlayViewProps {
  model: OverlayModel;
  actions: OverlayActions;
  layout: Layout;
  open: boolean;
  onToggle(): void;
  placement: PanelPlacement;
  onMove(at: { left: number; top: number }): void;
  announcement: string;
  /** The layer of rings and badges: the mount moves it with the page's scroll, outside of rendering. */
  marks: Ref<HTMLDivElement>;
}

/**
 * Outlines and badges at the fields (in page coordinates, in one layer the mount shifts by the
 * page's scroll; those at fields that stay put on screen in a layer of their own), the panel,
 * and a polite live region for new errors.
 */
export function OverlayView(props: OverlayViewProps) {
  const { layout, actions } = props;
  const marks = (pinned: boolean) => [
    ...layout.rings
      .filter((r) => (r.pinned ?? false) === pinned)
      .map((r) => (
        <div
          key={`ring-${r.key}`}
          class={`cg-ring sev-${r.severity}`}
          aria-hidden="true"
          style={{
            left: `${r.box.left}px`,
            top: `${r.box.top}px`,
            width: `${r.box.width}px`,
            height: `${r.box.height}px`,
          }}
        />
      )),
    ...layout.badges
      .filter((b) => (b.pinned ?? false) === pinned)
      .map((b) => <Badge key={`badge-${b.key}`} badge={b} actions={actions} />),
  ];
  return (
    <>
      <div class="cg-marks" ref={props.marks}>
        {marks(false)}
      </div>
      <div class="cg-pinned">{marks(true)}</div>
      <Panel
        model={props.model}
        actions={actions}
        open={props.open}
        onToggle={props.onToggle}
        placement={props.placement}
        onMove={props.onMove}
      />
      <div class="cg-sr" aria-live="polite" role="status" data-cg-live="">
        {props.announcement}
      </div>
    </>
  );
}
