import type { LineParser } from './types';

export interface Progress {
  bytesRead: number;
  totalBytes: number;
}

/**
 * Streams a file through a line parser in chunks, yielding to the event loop between chunks
 * so the options page stays responsive on a full CMS table (over a million rows), and reports
 * progress. Decodes as UTF-8; the CMS files are ASCII.
 */
export async function parseInChunks<R>(
  file: Blob,
  parser: LineParser<R>,
  onProgress: (progress: Progress) => void = () => {},
  signal?: AbortSignal,
): Promise<void> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let carry = '';
  let bytesRead = 0;
  let first = true;
  for (;;) {
    if (signal?.aborted) {
      await reader.cancel();
      throw new DOMException('Loading cancelled', 'AbortError');
    }
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    let text = carry + decoder.decode(value, { stream: true });
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const lines = text.split(/\r?\n/);
    carry = lines.pop() ?? '';
    for (const line of lines) parser.line(line);
    onProgress({ bytesRead, totalBytes: file.size });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  carry += decoder.decode();
  if (carry) parser.line(carry);
  onProgress({ bytesRead, totalBytes: file.size });
}
