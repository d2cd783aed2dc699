// Bad input holds the layout: a cast of 60 with one very long name, a chapter with a 20,000-character
// paragraph, right-to-left and emoji text. At a 1280-pixel laptop width and at a narrow 800, the
// page never scrolls sideways, no text spills out of its box, and the chapter's script still reads
// every speaker; a name that is empty is refused with its reason and changes nothing.
import { test, expect, Page } from '@playwright/test';
import { addChapter, hydrated, rows, speakerOf } from './support/studio';

const longName = 'Lady Philippa Augusta Wilhelmina Ermengarde de Montmorency-Featherstonehaugh of the Grimpen Mire, Dowager Countess of Dartmoor and Keeper of the Hound';

/** Boxes whose content is wider than they are (a clipped or spilling text), and whether the page
 * itself scrolls sideways. Scroll containers that mean to scroll (the table pane) are left out. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const spilling = [...document.querySelectorAll<HTMLElement>('h1, h2, legend, td .words, td.speaker, label, .plan-bar > *, .segment-editor textarea')]
      .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden') && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto')
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
    return { sideways: doc.scrollWidth > doc.clientWidth + 1, spilling };
  });
}

async function newProject(page: Page) {
  const call = async (name: string, data: object) => {
    const response = await page.request.post(`/api/${name}`, { data });
    expect(response.ok(), await response.text()).toBeTruthy();
    return response.json();
  };
  const project = await call('create_project', { name: `Layout ${Date.now()} — ${longName}`, language: 'en' });
  const detail = await call('load_project', { project });
  const cast = [
    ...detail.cast,
    ...Array.from({ length: 59 }, (_, i) => ({
      id: `c${i}`, name: i === 0 ? longName : i === 1 ? 'Holmes 🕵️' : i === 2 ? 'ليلى' : `Character ${i}`,
      aliases: [], gender: i % 2 ? 'female' : 'male', age: 'adult', description: i === 0 ? longName.repeat(3) : '',
      voice: { engine: 'espeak', voice_id: 'en', style: null, style_degree: 1, rate: 0, pitch: 0 },
    })),
  ];
  await call('save_cast', { project, version: detail.cast_version, cast });
  const text = [
    `“I am ${longName},” said the lady.`,
    'Word '.repeat(4000).trim() + '.',
    '“مرحبا بكم في المستنقع،” قالت ليلى.',
    '“🐕🐕🐕 The hound! 🌕” cried Holmes.',
    'x'.repeat(3000),
  ].join('\n\n');
  const { chapter, path } = await addChapter(page.request, project, text, `A chapter — ${longName}`);
  const plan = await call('generate_plan', { chapter, version: 0 });
  const segments = plan.segments.map((s: { text: string }, i: number) => ({ ...s, voice: i === 0 ? 'c0' : i % 3 === 0 ? 'c2' : 'c1' }));
  await call('save_plan', { chapter, version: plan.version, segments });
  return { project, path };
}

for (const width of [1280, 800]) {
  test(`long names, a long paragraph, right-to-left and emoji text keep the layout at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const { project, path } = await newProject(page);

    await page.goto(path);
    await hydrated(page);
    await expect(rows(page).first()).toContainText(`I am ${longName}`);
    await expect(speakerOf(page, 1)).toHaveAttribute('data-speaker', 'c0');
    expect(await overflow(page)).toEqual({ sideways: false, spilling: [] });
    // The selected long segment shows whole inside its own scrolling box.
    await rows(page).nth(2).click();
    expect(await overflow(page)).toEqual({ sideways: false, spilling: [] });
    await page.screenshot({ path: `test-results/layout-chapter-${width}.png` });

    await page.goto(`/projects/${project}/cast`);
    await hydrated(page);
    await expect(page.getByRole('group', { name: longName })).toBeVisible();
    await expect(page.getByRole('group')).toHaveCount(60);
    expect(await overflow(page)).toEqual({ sideways: false, spilling: [] });
    await page.screenshot({ path: `test-results/layout-cast-${width}.png` });

    await page.goto(`/projects/${project}`);
    expect(await overflow(page)).toEqual({ sideways: false, spilling: [] });
  });
}

test('a character without a name is refused with its reason, and the cast stays as it was', async ({ page }) => {
  const { project } = await newProject(page);
  await page.goto(`/projects/${project}/cast`);
  await hydrated(page);
  const name = page.getByLabel('Name (c3)');
  await name.fill('   ');
  await page.getByRole('button', { name: 'Save cast' }).click();
  await expect(page.getByRole('status')).toContainText('name');
  await page.reload();
  await expect(page.getByLabel('Name (c3)')).toHaveValue('Character 3');
});
