import { describe, expect, it } from 'vitest';
import { typedImage } from '../../../../../renderer/editor/plugins/MarkdownFormatsPlugin';

describe('typing ![alt](url)', () => {
  it('reads the image just before the caret', () => {
    expect(typedImage('See ![A red lighthouse](/img/lighthouse.png)')).toEqual({
      start: 4,
      alt: 'A red lighthouse',
      src: '/img/lighthouse.png',
      title: null,
    });
    expect(typedImage('![Pier](pier.jpg "At dusk")')).toEqual({
      start: 0,
      alt: 'Pier',
      src: 'pier.jpg',
      title: 'At dusk',
    });
    expect(typedImage('![](https://example.org/a.png)')).toMatchObject({ alt: '', src: 'https://example.org/a.png' });
  });

  it('ignores links, unfinished images and script addresses', () => {
    expect(typedImage('[a link](https://example.org)')).toBeNull();
    expect(typedImage('![half](done) and more')).toBeNull();
    expect(typedImage('![x](javascript:alert(1)')).toBeNull();
    expect(typedImage('![x](JavaScript:void)')).toBeNull();
    expect(typedImage('![x](data:text/html,hi)')).toBeNull();
  });
});
