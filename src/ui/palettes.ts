// ColorBrewer schemes for choropleth maps (colour-blind safe), light to dark, per number of classes.
// Values from ColorBrewer 2.0 (Cynthia Brewer, Mark Harrower, Penn State University; Apache-2.0),
// checked against the schemes of d3-scale-chromatic. Kept as data: one string of hex triplets per size.

type Scheme = Record<number, string>;

/** OrRd (orange–red), sequential: for indicators where one direction is a problem. */
const orRd: Scheme = {
  3: 'fee8c8fdbb84e34a33',
  4: 'fef0d9fdcc8afc8d59d7301f',
  5: 'fef0d9fdcc8afc8d59e34a33b30000',
  6: 'fef0d9fdd49efdbb84fc8d59e34a33b30000',
  7: 'fef0d9fdd49efdbb84fc8d59ef6548d7301f990000',
  8: 'fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301f990000',
  9: 'fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301fb300007f0000',
};

/** PuBu (purple–blue), sequential: for indicators without a judgement. */
const puBu: Scheme = {
  3: 'ece7f2a6bddb2b8cbe',
  4: 'f1eef6bdc9e174a9cf0570b0',
  5: 'f1eef6bdc9e174a9cf2b8cbe045a8d',
  6: 'f1eef6d0d1e6a6bddb74a9cf2b8cbe045a8d',
  7: 'f1eef6d0d1e6a6bddb74a9cf3690c00570b0034e7b',
  8: 'fff7fbece7f2d0d1e6a6bddb74a9cf3690c00570b0034e7b',
  9: 'fff7fbece7f2d0d1e6a6bddb74a9cf3690c00570b0045a8d023858',
};

/** RdBu (red–blue), diverging, red first. */
const rdBu: Scheme = {
  3: 'ef8a62f7f7f767a9cf',
  4: 'ca0020f4a58292c5de0571b0',
  5: 'ca0020f4a582f7f7f792c5de0571b0',
  6: 'b2182bef8a62fddbc7d1e5f067a9cf2166ac',
  7: 'b2182bef8a62fddbc7f7f7f7d1e5f067a9cf2166ac',
  8: 'b2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac',
  9: 'b2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac',
};

/** PuOr (orange–purple), diverging, orange first. */
const puOr: Scheme = {
  3: 'f1a340f7f7f7998ec3',
  4: 'e66101fdb863b2abd25e3c99',
  5: 'e66101fdb863f7f7f7b2abd25e3c99',
  6: 'b35806f1a340fee0b6d8daeb998ec3542788',
  7: 'b35806f1a340fee0b6f7f7f7d8daeb998ec3542788',
  8: 'b35806e08214fdb863fee0b6d8daebb2abd28073ac542788',
  9: 'b35806e08214fdb863fee0b6f7f7f7d8daebb2abd28073ac542788',
};

export const MAX_PALETTE_CLASSES = 9;

/** The colours of a scheme for 1 to 9 classes; fewer than 3 take the ends (and middle) of the 3-class set. */
export function schemeColours(
  scheme: 'orRd' | 'puBu' | 'rdBu' | 'puOr',
  classes: number,
): string[] {
  const table = { orRd, puBu, rdBu, puOr }[scheme];
  const hex = table[Math.max(3, classes)]!;
  const colours = hex.match(/.{6}/g)!.map((c) => `#${c}`);
  if (classes === 1) return [colours[1]!];
  if (classes === 2) return [colours[0]!, colours[2]!];
  return colours;
}
