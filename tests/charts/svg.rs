//! Reading the SVG a chart writes: elements and their attributes, text
//! labels, filled rectangles and polylines of a colour, and the checks every
//! drawing must pass; `save` writes a drawing out for a person to look at.

use plotters::prelude::*;

/// Writes the SVG for a person to look at.
pub(crate) fn save(name: &str, svg: &str) {
    let dir = std::path::Path::new("/tmp/charts");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), svg).unwrap();
}

/// One `<tag .../>` or `<tag ...>` element's attribute.
pub(crate) fn attr<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = element.find(&key)? + key.len();
    let len = element[start..].find('"')?;
    Some(&element[start..start + len])
}

pub(crate) fn num(element: &str, name: &str) -> f64 {
    attr(element, name)
        .unwrap_or_else(|| panic!("no {name} in {element}"))
        .parse()
        .unwrap()
}

/// Every opening tag `<tag ...>` of the given name.
pub(crate) fn elements<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    svg.match_indices(&open)
        .map(|(i, _)| {
            let end = svg[i..].find('>').unwrap();
            &svg[i..=i + end]
        })
        .collect()
}

/// Every `<text>` as (opening tag, trimmed content, unescaped).
pub(crate) fn texts(svg: &str) -> Vec<(&str, String)> {
    svg.match_indices("<text ")
        .map(|(i, _)| {
            let open_end = i + svg[i..].find('>').unwrap();
            let close = open_end + svg[open_end..].find("</text>").unwrap();
            let content = svg[open_end + 1..close]
                .trim()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            (&svg[i..=open_end], content)
        })
        .collect()
}

pub(crate) fn has_text(svg: &str, wanted: &str) -> bool {
    texts(svg).iter().any(|(_, t)| t == wanted)
}

pub(crate) fn text_elem<'a>(svg: &'a str, wanted: &str) -> &'a str {
    texts(svg)
        .into_iter()
        .find(|(_, t)| t == wanted)
        .unwrap_or_else(|| panic!("no text {wanted:?} in the chart"))
        .0
}

pub(crate) fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Filled rectangles of colour `c`.
pub(crate) fn filled_rects(svg: &str, c: RGBColor) -> usize {
    let fill = hex(c);
    elements(svg, "rect")
        .iter()
        .filter(|r| attr(r, "fill") == Some(fill.as_str()))
        .count()
}

/// Polylines stroked in colour `c`, as point lists.
pub(crate) fn polylines(svg: &str, c: RGBColor) -> Vec<Vec<(f64, f64)>> {
    let stroke = hex(c);
    elements(svg, "polyline")
        .iter()
        .filter(|p| attr(p, "stroke") == Some(stroke.as_str()))
        .map(|p| {
            attr(p, "points")
                .unwrap()
                .split_whitespace()
                .map(|xy| {
                    let (x, y) = xy.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect()
}

/// A money tick label: symbol, digits, thousands separators.
pub(crate) fn is_money_with_separator(label: &str, symbol: &str) -> bool {
    label.starts_with(symbol)
        && label.contains(',')
        && label[symbol.len()..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',')
}

/// Nothing unreadable leaked into the labels.
pub(crate) fn assert_clean(svg: &str) {
    for (_, t) in texts(svg) {
        assert!(
            !t.contains("NaN") && !t.contains("inf"),
            "label {t:?} shows a non-finite number"
        );
    }
    assert!(!svg.contains("NaN"), "SVG contains NaN coordinates");
}

pub(crate) const MARKER: RGBColor = RGBColor(70, 70, 70);
