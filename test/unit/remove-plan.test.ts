/** The removal preview follows the engine's DELETE /images rules: untag vs delete, digests, containers, sizes. */
import { describe, expect, it } from 'vitest';
import { planRemoval, remainingReferences, repositoryOf, type PlanInput } from '../../src/main/core/images/remove-plan';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const DIGEST = `sha256:${'d'.repeat(64)}`;

function input(partial: Partial<PlanInput>): PlanInput {
  return {
    targets: [],
    missing: [],
    images: [
      { Id: A, RepoTags: ['app:1', 'app:2', 'other/app:1'], RepoDigests: [`app@${DIGEST}`], Size: 1000 },
      { Id: B, RepoTags: [], RepoDigests: [`pulled@${DIGEST}`], Size: 500 },
    ],
    containers: [],
    usage: { [A]: { uniqueSize: 300, sharedSize: 700 }, [B]: { uniqueSize: 200, sharedSize: 300 } },
    now: 1,
    ...partial,
  };
}

describe('repositoryOf', () => {
  it.each([
    ['busybox:latest', 'busybox'],
    ['localhost:5000/ns/app:v1', 'localhost:5000/ns/app'],
    ['localhost:5000/ns/app', 'localhost:5000/ns/app'],
    [`app@${DIGEST}`, 'app'],
  ])('%s → %s', (ref, repo) => expect(repositoryOf(ref)).toBe(repo));
});

describe('remainingReferences', () => {
  const image = { Id: A, RepoTags: ['app:1', 'app:2'], RepoDigests: [`app@${DIGEST}`, `mirror/app@${DIGEST}`], Size: 1 };
  it('keeps a repository digest while the repository keeps a tag', () => {
    expect(remainingReferences(image, new Set(['app:1']))).toEqual(['app:2', `app@${DIGEST}`, `mirror/app@${DIGEST}`]);
  });
  it('drops the digests of a repository whose last tag goes, not those of other repositories', () => {
    expect(remainingReferences(image, new Set(['app:1', 'app:2']))).toEqual([`mirror/app@${DIGEST}`]);
  });
});

describe('planRemoval', () => {
  it('untags while other tags remain and says which', () => {
    const plan = planRemoval(input({ targets: [{ kind: 'reference', ref: 'app:1', id: A }] }));
    expect(plan.items).toEqual([{ ref: 'app:1', id: A, mode: 'untag', uniqueSize: 0, size: 1000, containers: [], otherTags: ['app:2', 'other/app:1', `app@${DIGEST}`] }]);
    expect(plan.freedBytes).toBe(0);
    expect(plan.command).toEqual(['docker', 'image', 'rm', 'app:1']);
  });

  it('deletes with the last name and counts the unique size once', () => {
    const plan = planRemoval(
      input({ targets: ['app:1', 'app:2', 'other/app:1'].map((ref) => ({ kind: 'reference' as const, ref, id: A })) }),
    );
    expect(plan.items.map((i) => [i.ref, i.mode])).toEqual([['app:1', 'untag'], ['app:2', 'untag'], ['other/app:1', 'delete']]);
    expect(plan.freedBytes).toBe(300);
  });

  it('an ID removes the image under all its names; an image known only by digest goes by that digest', () => {
    const byId = planRemoval(input({ targets: [{ kind: 'id', id: A }] }));
    expect(byId.items.map((i) => [i.ref, i.mode])).toEqual([['app:1', 'untag'], ['app:2', 'untag'], ['other/app:1', 'delete']]);
    const digestOnly = planRemoval(input({ targets: [{ kind: 'id', id: B }] }));
    expect(digestOnly.items.map((i) => [i.ref, i.mode])).toEqual([[`pulled@${DIGEST}`, 'delete']]);
  });

  it('an untagged image without names goes by its ID', () => {
    const plan = planRemoval(input({ images: [{ Id: B, RepoTags: ['<none>:<none>'], RepoDigests: ['<none>@<none>'], Size: 500 }], targets: [{ kind: 'id', id: B }] }));
    expect(plan.items.map((i) => [i.ref, i.mode])).toEqual([[B, 'delete']]);
    expect(plan.freedBytes).toBe(200);
  });

  it('names the containers that block a delete and leaves their image out of the unblocked total', () => {
    const plan = planRemoval(
      input({
        targets: [{ kind: 'id', id: A }, { kind: 'id', id: B }],
        containers: [
          { ImageID: A, State: 'exited', Names: ['/web'] },
          { ImageID: A, State: 'running', Names: ['/worker'] },
        ],
      }),
    );
    expect(plan.blocked).toBe(1);
    expect(plan.items.find((i) => i.mode === 'delete' && i.id === A)?.containers).toEqual([
      { name: 'web', running: false },
      { name: 'worker', running: true },
    ]);
    // Untag items never carry the containers: untagging is allowed while the image stays.
    expect(plan.items.filter((i) => i.mode === 'untag').every((i) => i.containers.length === 0)).toBe(true);
    expect(plan.freedBytes).toBe(500);
    expect(plan.freedBytesWithoutBlocked).toBe(200);
  });

  it('asking twice for the same name plans it once', () => {
    const plan = planRemoval(input({ targets: [{ kind: 'reference', ref: 'app:1', id: A }, { kind: 'reference', ref: 'app:1', id: A }] }));
    expect(plan.items).toHaveLength(1);
  });
});
