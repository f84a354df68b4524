/**
 * Layer sharing follows the storage driver's chains; history steps map to layers only when the count says so;
 * the layer picture names each step as its Dockerfile line.
 */
import { describe, expect, it } from 'vitest';
import { commonPrefix, imageRef, matchHistory, sharedLayers, type ImageLayers } from '../../src/main/core/images/layer-sharing';
import { readStep } from '../../src/renderer/src/pages/images/details/details-format';

const img = (id: string, layers: string[], ref: string | null = `${id}:latest`): ImageLayers => ({ id, ref, layers });

describe('sharedLayers', () => {
  const base = ['sha256:b0', 'sha256:b1'];

  it('a child shares the base layers with the base and with its siblings, not its own top layer', () => {
    const childA = [...base, 'sha256:a'];
    const others = [img('base', base), img('childA', childA), img('childB', [...base, 'sha256:b'])];
    const shared = sharedLayers('childA', childA, others);
    expect(shared.map((s) => s.map((i) => i.id))).toEqual([['base', 'childB'], ['base', 'childB'], []]);
  });

  it('the same diff ID at another chain position (or over another base) is not shared', () => {
    const mine = ['sha256:x', 'sha256:same'];
    const others = [img('moved', ['sha256:same']), img('otherBase', ['sha256:y', 'sha256:same']), img('above', ['sha256:z', 'sha256:x', 'sha256:same'])];
    expect(sharedLayers('mine', mine, others)).toEqual([[], []]);
  });

  it('sharing stops at the first layer that differs even when later ones agree again', () => {
    const mine = ['sha256:1', 'sha256:2', 'sha256:3'];
    const shared = sharedLayers('mine', mine, [img('fork', ['sha256:1', 'sha256:other', 'sha256:3'])]);
    expect(shared.map((s) => s.length)).toEqual([1, 0, 0]);
  });

  it('leaves out the image itself and keeps how the others are called', () => {
    const layers = ['sha256:1'];
    const shared = sharedLayers('me', layers, [img('me', layers), img('dangling', layers, null)]);
    expect(shared).toEqual([[{ id: 'dangling', ref: null }]]);
  });

  it('an image with more layers than mine shares all of mine when it was built on top of me', () => {
    expect(sharedLayers('me', ['sha256:1'], [img('child', ['sha256:1', 'sha256:2'])])).toEqual([[{ id: 'child', ref: 'child:latest' }]]);
  });
});

describe('commonPrefix', () => {
  it('counts the agreeing leading entries', () => {
    expect(commonPrefix(['a', 'b', 'c'], ['a', 'b', 'd'])).toBe(2);
    expect(commonPrefix([], ['a'])).toBe(0);
    expect(commonPrefix(['a'], ['a'])).toBe(1);
  });
});

describe('matchHistory', () => {
  it('maps the sized steps to layers in order, oldest step to the base layer', () => {
    // Newest first, like GET /images/{id}/history: CMD, RUN (layer 2), ENV, RUN (layer 1), ADD (layer 0).
    const steps = [{ size: 0 }, { size: 30 }, { size: 0 }, { size: 20 }, { size: 1000 }];
    expect(matchHistory(steps, 3)).toEqual({ matched: true, layerIndex: [null, 2, null, 1, 0] });
  });

  it('gives up (all null) when the sized steps are not as many as the layers, e.g. a layer of 0 bytes', () => {
    const steps = [{ size: 0 }, { size: 30 }, { size: 1000 }];
    expect(matchHistory(steps, 3)).toEqual({ matched: false, layerIndex: [null, null, null] });
    expect(matchHistory([{ size: 5 }, { size: 5 }], 1).matched).toBe(false);
  });

  it('an image without layers and without sized steps matches trivially', () => {
    expect(matchHistory([{ size: 0 }], 0)).toEqual({ matched: true, layerIndex: [null] });
  });
});

describe('imageRef', () => {
  it('prefers a tag, then a digest, and skips the old engines\' <none> placeholders', () => {
    expect(imageRef(['app:1', 'app:2'], ['app@sha256:d'])).toBe('app:1');
    expect(imageRef(['<none>:<none>'], ['app@sha256:d'])).toBe('app@sha256:d');
    expect(imageRef(null, ['<none>@<none>'])).toBeNull();
    expect(imageRef(undefined, undefined)).toBeNull();
  });
});

describe('readStep (how the layer picture names the step that made a layer)', () => {
  it('reads legacy-builder, BuildKit and build-arg forms as the Dockerfile line', () => {
    expect(readStep('/bin/sh -c #(nop)  ENV TIER=base', '')).toEqual({ keyword: 'ENV', rest: 'TIER=base' });
    expect(readStep('/bin/sh -c echo a > /a', '')).toEqual({ keyword: 'RUN', rest: 'echo a > /a' });
    expect(readStep('RUN /bin/sh -c echo b > /b # buildkit', '')).toEqual({ keyword: 'RUN', rest: 'echo b > /b' });
    expect(readStep('|2 A=1 B=x /bin/sh -c make all', '')).toEqual({ keyword: 'RUN', rest: 'make all' });
    expect(readStep('LABEL side=b', '')).toEqual({ keyword: 'LABEL', rest: 'side=b' });
    expect(readStep('/bin/sh -c #(nop) ADD file:abc in / ', '')).toEqual({ keyword: 'ADD', rest: 'file:abc in /' });
  });

  it('an import has no command: its comment is shown', () => {
    expect(readStep('', 'Imported from -')).toEqual({ keyword: '', rest: 'Imported from -' });
  });
});
