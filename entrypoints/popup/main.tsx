import { render } from 'preact';
import { App } from '../../src/popup/App';
import '../../src/popup/popup.css';

render(<App />, document.getElementById('app') as HTMLElement);
