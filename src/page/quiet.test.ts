// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readPage } from './read';

/** Pages on a switched-on portal that are not charge entry: the extension must stay quiet there. */
const NOT_CHARGE_ENTRY: [string, string][] = [
  [
    'log-in page',
    '<form><label>Username <input name="user"></label><label>Password <input type="password" name="pw"></label><button>Sign in</button></form>',
  ],
  [
    'article that mentions codes',
    '<article><h1>Billing 97110 correctly</h1><p>97110 THERAPEUTIC EXERCISE is billed in 15-minute units.</p><p>Use GP on every line.</p></article>',
  ],
  [
    'fee schedule (reference table, nothing to edit)',
    `<table><thead><tr><th>CPT</th><th>Description</th><th>Units</th><th>Fee</th></tr></thead><tbody>
      <tr><td>97110</td><td>Therapeutic exercise</td><td>1</td><td>$31.89</td></tr>
      <tr><td>97140</td><td>Manual therapy</td><td>1</td><td>$29.40</td></tr></tbody></table>`,
  ],
  [
    'code search with results',
    `<form role="search"><label>CPT code <input name="code" value="97110"></label><label>Units <input name="units" value="1"></label><button>Search</button></form>
     <ul><li>97110 Therapeutic exercise</li><li>97112 Neuromuscular re-education</li></ul>`,
  ],
  [
    'patient demographics',
    '<form><label>Name <input value="DOE, JANE"></label><label>Date of birth <input value="07/19/1948"></label><label>Zip <input value="97110"></label><button>Save</button></form>',
  ],
  [
    'lone code box without any other line field',
    '<form><label>CPT <input value="97110"></label><button>Submit</button></form>',
  ],
];

describe('stays quiet where there is no charge line', () => {
  test.each(NOT_CHARGE_ENTRY)('%s', (_, html) => {
    document.body.innerHTML = html;
    expect(readPage(document, { taught: [] })).toBeNull();
  });
});
