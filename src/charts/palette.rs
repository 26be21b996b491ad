//! The Okabe–Ito colour-blind-safe palette (Okabe & Ito, 2008), ordered
//! once for lines and once for filled areas.

use plotters::style::RGBColor;

const BLACK: RGBColor = RGBColor(0, 0, 0);
const ORANGE: RGBColor = RGBColor(230, 159, 0);
const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
const BLUISH_GREEN: RGBColor = RGBColor(0, 158, 115);
const YELLOW: RGBColor = RGBColor(240, 228, 66);
const BLUE: RGBColor = RGBColor(0, 114, 178);
const VERMILLION: RGBColor = RGBColor(213, 94, 0);
const REDDISH_PURPLE: RGBColor = RGBColor(204, 121, 167);
/// A neutral grey (#999999), the usual ninth colour beside Okabe–Ito's eight.
const GREY: RGBColor = RGBColor(153, 153, 153);

/// Line and bar order: the strongest contrasts on white first, yellow last.
const SERIES: [RGBColor; 8] = [
    BLUE,
    VERMILLION,
    BLUISH_GREEN,
    REDDISH_PURPLE,
    ORANGE,
    SKY_BLUE,
    BLACK,
    YELLOW,
];

/// Fill order for stacked segments: neighbours differ in hue and lightness;
/// black is left out (it would dominate a stack).
const CATEGORY: [RGBColor; 8] = [
    BLUE,
    ORANGE,
    SKY_BLUE,
    BLUISH_GREEN,
    VERMILLION,
    REDDISH_PURPLE,
    GREY,
    YELLOW,
];

/// Mixes `c` towards white; used for the second and later rounds of the
/// palette so that colours stay distinct past its end.
fn lighten(c: RGBColor, round: usize) -> RGBColor {
    if round == 0 {
        return c;
    }
    let t = (0.35 * round as f64).min(0.7);
    let mix = |v: u8| (f64::from(v) + (255.0 - f64::from(v)) * t).round() as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// The colour of series `i` (tier lines and tier bars): Okabe–Ito blue,
/// vermillion, bluish green, reddish purple, orange, sky blue, black,
/// yellow; after eight the cycle repeats, lightened.
pub fn series_color(i: usize) -> RGBColor {
    lighten(SERIES[i % SERIES.len()], i / SERIES.len())
}

/// The colour of cost category `i` (stacked segments): Okabe–Ito blue,
/// orange, sky blue, bluish green, vermillion, reddish purple, a neutral
/// grey, yellow; after eight the cycle repeats, lightened.
pub fn category_color(i: usize) -> RGBColor {
    lighten(CATEGORY[i % CATEGORY.len()], i / CATEGORY.len())
}

/// The stroke width of line series `i`: each series narrower than the one
/// before, so lines that coincide (two tiers with the same curve) still
/// show both colours, the later one inside the earlier (7, 5, 3, 2 px).
pub fn series_width(i: usize) -> u32 {
    [7, 5, 3, 2][i.min(3)]
}
