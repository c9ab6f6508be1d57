import { render } from 'preact';

render(<main>Charge Guard</main>, document.getElementById('app') as HTMLElement);
