import { Component, type FunctionComponent, h } from 'preact';

/**
 * `View`, re-rendered only when `same` says its props differ (Preact's own `memo` lives in
 * preact/compat, which the overlay does not otherwise need). Each re-check hands over new
 * objects with the same content; without this every badge and finding would re-render on
 * every keystroke.
 */
export function pure<P extends object>(
  View: FunctionComponent<P>,
  same: (before: Readonly<P>, next: Readonly<P>) => boolean,
): FunctionComponent<P> {
  class Pure extends Component<P> {
    override shouldComponentUpdate(next: Readonly<P>): boolean {
      return !same(this.props, next);
    }
    override render() {
      return h(View, this.props);
    }
  }
  return Pure as unknown as FunctionComponent<P>;
}
