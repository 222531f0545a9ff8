import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../renderer/src/api/sse-parser.js';

describe('reading a Server-Sent Events stream', () => {
  it('gives each event with its name and data at its blank line, skipping comments', () => {
    const parser = new SseParser();
    expect(parser.push(': connected\n\nevent: entry\ndata: {"id":1}\n\n: heartbeat\n\nevent: entry\ndata: {"id":2}\n\n')).toEqual([
      { event: 'entry', data: '{"id":1}' },
      { event: 'entry', data: '{"id":2}' },
    ]);
  });

  it('joins an event cut anywhere across chunks, including between \\r and \\n', () => {
    const text = 'event: entry\r\ndata: {"url":"a:b"}\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(events).toEqual([{ event: 'entry', data: '{"url":"a:b"}' }]);
    }
  });

  it('joins several data lines with a newline and names an unnamed event "message"', () => {
    expect(new SseParser().push('data: one\ndata:two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('gives nothing for an event whose blank line has not arrived yet', () => {
    const parser = new SseParser();
    expect(parser.push('event: entry\ndata: {}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'entry', data: '{}' }]);
  });
});
