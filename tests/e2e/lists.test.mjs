// The list editors (regions, SLA credit steps, measured round trips) keep
// each row's own state when another row is removed: text a person is
// half-way through typing, and its message, move with their row; the
// message of a removed row goes with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, typeInto } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.stop(); });

async function fresh() {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  return page;
}

test('removing a region: the next row keeps its half-typed share and message; the removed row\'s message goes', async () => {
  const page = await fresh();
  const row = (i) => page.getByTestId(`region-row-${i}`);
  const shareError = (i) => row(i).locator('.share .field-error');
  await page.getByTestId('add-region').click();
  await row(2).waitFor();
  const thirdRegion = await page.getByTestId('input-region-2').inputValue();
  await typeInto(page, 'input-share-1', '3o');
  await typeInto(page, 'input-share-2', '2x');
  await shareError(1).getByText('“3o” is not a number').waitFor();
  await shareError(2).getByText('“2x” is not a number').waitFor();

  await page.getByTestId('remove-region-0').click();
  await row(2).waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('input-share-0').inputValue(), '3o', 'the typed text moves up with its row');
  assert.match(await shareError(0).innerText(), /“3o” is not a number/, 'and so does its message');
  assert.equal(await page.getByTestId('input-share-1').inputValue(), '2x');
  assert.match(await shareError(1).innerText(), /“2x” is not a number/);
  assert.equal(await page.getByTestId('input-region-1').inputValue(), thirdRegion, 'the rows are the same regions as before');

  // Now the row with "3o" goes: its message goes too, the other one stays.
  await page.getByTestId('remove-region-0').click();
  await row(1).waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('input-share-0').inputValue(), '2x');
  assert.match(await shareError(0).innerText(), /“2x” is not a number/);
  const problems = await page.getByTestId('invalid-banner').innerText();
  assert.doesNotMatch(problems, /3o/, 'the removed row\'s problem is no longer listed');
  assert.match(problems, /2x/);
  assert.doesNotMatch(await page.getByTestId('regions-editor').innerText(), /3o/);
});

test('removing an SLA credit step: the steps below keep their half-typed values and messages', async () => {
  const page = await fresh();
  await page.getByText('Resilience and risk').click();
  const schedule = page.getByTestId('credit-schedule');
  const steps = schedule.locator('.rtt-row');
  const remove = () => schedule.getByRole('button', { name: 'Remove this credit step' }).first().click();
  assert.equal(await steps.count(), 3);
  await typeInto(page, 'credit-below-1', '9o');
  await typeInto(page, 'credit-credit-2', '1OO');
  await steps.nth(1).getByText('“9o” is not a number').waitFor();
  await steps.nth(2).getByText('“1OO” is not a number').waitFor();

  await remove();
  await steps.nth(2).waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('credit-below-0').inputValue(), '9o', 'the typed text moves up with its step');
  assert.match(await steps.nth(0).innerText(), /“9o” is not a number/, 'and so does its message');
  assert.equal(await page.getByTestId('credit-credit-1').inputValue(), '1OO');
  assert.match(await steps.nth(1).innerText(), /“1OO” is not a number/);

  await remove();
  await steps.nth(1).waitFor({ state: 'detached' });
  assert.doesNotMatch(await schedule.innerText(), /9o/, 'the removed step\'s message went with it');
  assert.doesNotMatch(await page.getByTestId('invalid-banner').innerText(), /9o/);
  assert.equal(await page.getByTestId('credit-credit-0').inputValue(), '1OO');
  assert.match(await steps.nth(0).innerText(), /“1OO” is not a number/);
});

test('removing a measured round trip: the next one keeps its half-typed value and message', async () => {
  const page = await fresh();
  await page.getByText('Latency model').click();
  const rows = page.getByTestId('measured-rtts').locator('.rtt-row');
  await page.getByTestId('add-rtt').click();
  await page.getByTestId('add-rtt').click();
  await page.getByTestId('rtt-ms-1').waitFor();
  await typeInto(page, 'rtt-ms-0', '9O');
  await typeInto(page, 'rtt-ms-1', '12O');
  await rows.nth(1).getByText('“12O” is not a number').waitFor();

  await page.getByTestId('measured-rtts').getByRole('button', { name: 'Remove this measurement' }).first().click();
  await page.getByTestId('rtt-ms-1').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('rtt-ms-0').inputValue(), '12O', 'the typed text moves up with its row');
  assert.match(await rows.nth(0).innerText(), /“12O” is not a number/, 'and so does its message');
  assert.doesNotMatch(await page.getByTestId('measured-rtts').innerText(), /9O/, 'the removed row\'s message went with it');
  assert.doesNotMatch(await page.getByTestId('invalid-banner').innerText(), /9O/);
});
