//! Charts drawn with plotters-canvas, crisp on high-DPI screens and redrawn
//! whenever the plan changes, each with a table alternative. The drawing
//! itself lives in `crate::charts` (no browser code there).

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

use super::state::{headroom_memo, simulation_memo, AppState};
use crate::charts::{self, from_plan, ChartError};
use crate::engine::costs::Category;
use crate::engine::format;

/// `CanvasBackend` with text measured by the canvas itself (`measureText`),
/// and the canvas's drawing state set only when it changes.
///
/// plotters' default measures text by adding a styled `<span>` to the page
/// and reading its size, which forces a layout of the whole document for
/// every label (tens of milliseconds per redraw on this page) and needs
/// inline styles. `measureText` uses the same font string `CanvasBackend`
/// draws with, so sizes match what is drawn.
///
/// `CanvasBackend` formats a colour string (`rgba(r,g,b,a)`) and hands it
/// to the canvas, which parses it, for every line, bar, point and label,
/// and sets the font, alignment and baseline for every label; most of a
/// chart is drawn in a handful of colours and one or two fonts. The same
/// drawing calls are made here (same coordinates, same half-pixel shift of
/// horizontal and vertical lines, same colour strings), each piece of state
/// set only when it differs from what the canvas already has
/// ([`CanvasState`]): a keystroke redraws the charts within a frame
/// (issue 16). Bitmaps still go through `CanvasBackend`.
pub struct MeasuredCanvas {
    inner: CanvasBackend,
    context: web_sys::CanvasRenderingContext2d,
    state: std::cell::RefCell<CanvasState>,
}

/// What the canvas context has been set to since this backend was made
/// (`None`: not set by it, so unknown). A backend is made for each redraw,
/// after the canvas is resized or cleared.
#[derive(Clone, Default, PartialEq)]
struct CanvasState {
    /// Stroke colour (rgb, alpha) and line width.
    stroke: Option<((u8, u8, u8), f64, u32)>,
    /// Fill colour (rgb, alpha).
    fill: Option<((u8, u8, u8), f64)>,
    font: Option<String>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

/// The colour as `CanvasBackend` writes it.
fn css_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({},{},{},{})", r, g, b, color.alpha)
}

/// The font as `CanvasBackend` writes it.
fn css_font<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

/// `CanvasBackend`'s shift of a horizontal or vertical line by half a
/// pixel, so a one-pixel line covers one row or column of pixels.
fn fine_hor_ver_lines(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let mut from = (f64::from(from.0), f64::from(from.1));
    let mut to = (f64::from(to.0), f64::from(to.1));
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    (from, to)
}

impl MeasuredCanvas {
    /// A backend drawing on `canvas` as it is (no resizing or scaling;
    /// [`draw_on_canvas`] does that for the charts).
    pub fn for_canvas(canvas: &web_sys::HtmlCanvasElement) -> Option<Self> {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()?
            .dyn_into::<web_sys::CanvasRenderingContext2d>()
            .ok()?;
        Some(Self {
            inner: CanvasBackend::with_canvas_object(canvas.clone())?,
            context,
            state: Default::default(),
        })
    }

    fn stroke_style<S: BackendStyle>(&self, style: &S) {
        let color = style.color();
        let key = Some((color.rgb, color.alpha, style.stroke_width()));
        let mut state = self.state.borrow_mut();
        if state.stroke != key {
            self.context.set_stroke_style_str(&css_color(color));
            self.context.set_line_width(f64::from(style.stroke_width()));
            state.stroke = key;
        }
    }

    fn fill_style(&self, color: BackendColor) {
        let key = Some((color.rgb, color.alpha));
        let mut state = self.state.borrow_mut();
        if state.fill != key {
            self.context.set_fill_style_str(&css_color(color));
            state.fill = key;
        }
    }

    fn font(&self, font: &str) {
        let mut state = self.state.borrow_mut();
        if state.font.as_deref() != Some(font) {
            self.context.set_font(font);
            state.font = Some(font.to_owned());
        }
    }

    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut points = points.into_iter();
        let Some(start) = points.next() else {
            return false;
        };
        self.context.move_to(f64::from(start.0), f64::from(start.1));
        for p in points {
            self.context.line_to(f64::from(p.0), f64::from(p.1));
        }
        true
    }
}

/// A canvas call that threw (text and arcs with finite arguments do not),
/// as a drawing error with the browser's message.
fn canvas_error(
    e: wasm_bindgen::JsValue,
) -> DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType> {
    let message = js_sys::JSON::stringify(&e)
        .map(String::from)
        .unwrap_or_else(|_| "the canvas refused a drawing call".to_owned());
    DrawingErrorKind::FontError(message.into())
}

impl DrawingBackend for MeasuredCanvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.fill_style(color);
        self.context
            .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (from, to) = fine_hor_ver_lines(from, to);
        self.stroke_style(style);
        self.context.begin_path();
        self.context.move_to(from.0, from.1);
        self.context.line_to(to.0, to.1);
        self.context.stroke();
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        if fill {
            self.fill_style(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.stroke_style(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.context.begin_path();
        self.stroke_style(style);
        self.trace(path);
        self.context.stroke();
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.fill_style(style.color());
        } else {
            self.stroke_style(style);
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(canvas_error)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.context.begin_path();
        self.fill_style(style.color());
        if self.trace(vert) {
            self.context.close_path();
        }
        self.context.fill();
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        use plotters_backend::text_anchor::{HPos, VPos};
        use plotters_backend::FontTransform;
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let degrees: f64 = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        };
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        // A rotated label is drawn inside save/restore; the state it
        // restores is the one kept before the save.
        let saved = (degrees != 0.0).then(|| self.state.borrow().clone());
        if saved.is_some() {
            self.context.save();
            self.context.translate(x, y).map_err(canvas_error)?;
            self.context
                .rotate(degrees / 180.0 * std::f64::consts::PI)
                .map_err(canvas_error)?;
            (x, y) = (0.0, 0.0);
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        {
            let mut state = self.state.borrow_mut();
            if state.baseline != Some(baseline) {
                self.context.set_text_baseline(baseline);
                state.baseline = Some(baseline);
            }
            if state.align != Some(align) {
                self.context.set_text_align(align);
                state.align = Some(align);
            }
        }
        self.fill_style(color);
        self.font(&css_font(style));
        let drawn = self.context.fill_text(text, x, y).map_err(canvas_error);
        if let Some(saved) = saved {
            self.context.restore();
            *self.state.borrow_mut() = saved;
        }
        drawn
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let font = css_font(style);
        let width = text_widths::width(&font, text, || {
            self.font(&font);
            self.context
                .measure_text(text)
                .map(|m| m.width())
                .unwrap_or(style.size() * 0.6 * text.chars().count() as f64)
        });
        Ok((
            width.ceil().max(0.0) as u32,
            (style.size() * 1.2).ceil() as u32,
        ))
    }
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        // `CanvasBackend` puts the image data without touching the state
        // kept here.
        self.inner.blit_bitmap(pos, size, src)
    }
}

/// Text widths already measured, by font and text. The charts measure every
/// label to lay themselves out (axis label areas, legends, fitted notes), and
/// most labels are the same from one redraw to the next: setting the
/// canvas's font and calling `measureText` for each was most of a redraw's
/// time (issue 16: input → every chart within a frame). A width depends
/// only on the font string and the text, so a kept one is exact.
mod text_widths {
    use std::cell::RefCell;
    use std::collections::HashMap;

    /// Past this many widths the table starts again (labels that change
    /// with every keystroke, such as axis maxima, would otherwise pile up).
    const MAX_KEPT: usize = 4096;

    /// Widths by font, then by text: a width already kept is found from
    /// the two borrowed strings, without building a key.
    #[derive(Default)]
    struct Widths {
        by_font: HashMap<String, HashMap<String, f64>>,
        kept: usize,
    }

    thread_local! {
        static WIDTHS: RefCell<Widths> = RefCell::new(Widths::default());
    }

    /// The width of `text` in `font`: kept, or measured by `measure` and kept.
    pub fn width(font: &str, text: &str, measure: impl FnOnce() -> f64) -> f64 {
        let kept = WIDTHS.try_with(|w| {
            w.borrow()
                .by_font
                .get(font)
                .and_then(|texts| texts.get(text))
                .copied()
        });
        if let Ok(Some(w)) = kept {
            return w;
        }
        let w = measure();
        let _ = WIDTHS.try_with(|widths| {
            let mut widths = widths.borrow_mut();
            if widths.kept >= MAX_KEPT {
                *widths = Widths::default();
            }
            widths
                .by_font
                .entry(font.to_string())
                .or_default()
                .insert(text.to_string(), w);
            widths.kept += 1;
        });
        w
    }
}

/// Each canvas's CSS size, by its `data-testid`, as the last layout gave
/// it. Reading `clientWidth` after the page changed forces the browser to
/// lay the whole page out there and then: once per chart redraw, and again
/// after each canvas's backing store is resized, which took about 6 ms of
/// every keystroke. The sizes are kept instead and kept current by a
/// `ResizeObserver`, which reports them after the browser's own layout.
mod canvas_sizes {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    struct Sizes {
        by_id: HashMap<String, (u32, u32)>,
        /// Bumped when the observer reports a size that changed: the charts
        /// redraw at it.
        changed: ArcRwSignal<u32>,
        observer: Option<web_sys::ResizeObserver>,
        _callback: Option<Closure<dyn FnMut(js_sys::Array)>>,
    }

    thread_local! {
        static SIZES: RefCell<Option<Sizes>> = const { RefCell::new(None) };
    }

    fn with<R>(f: impl FnOnce(&mut Sizes) -> R) -> Option<R> {
        SIZES
            .try_with(|cell| {
                let mut slot = cell.borrow_mut();
                if slot.is_none() {
                    *slot = Some(new());
                }
                slot.as_mut().map(f)
            })
            .ok()
            .flatten()
    }

    fn new() -> Sizes {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
            let mut changed = false;
            for entry in entries.iter() {
                let Ok(entry) = entry.dyn_into::<web_sys::ResizeObserverEntry>() else {
                    continue;
                };
                let Some(id) = entry.target().get_attribute("data-testid") else {
                    continue;
                };
                let rect = entry.content_rect();
                let size = (rect.width().round() as u32, rect.height().round() as u32);
                let _ = SIZES.try_with(|cell| {
                    if let Some(s) = cell.borrow_mut().as_mut() {
                        // `clientWidth` (the first read) rounds a fractional
                        // layout size its own way: within a pixel is the
                        // same size, not a reason to redraw every chart.
                        let same = s.by_id.get(&id).is_some_and(|old| {
                            old.0.abs_diff(size.0) <= 1 && old.1.abs_diff(size.1) <= 1
                        });
                        if !same {
                            s.by_id.insert(id, size);
                            changed = true;
                        }
                    }
                });
            }
            if changed {
                if let Some(signal) = with(|s| s.changed.clone()) {
                    signal.update(|n| *n += 1);
                }
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        Sizes {
            by_id: HashMap::new(),
            changed: ArcRwSignal::new(0),
            observer,
            _callback: Some(callback),
        }
    }

    /// Changes when a canvas's laid-out size changes: a chart tracks it to
    /// redraw at its new size.
    pub fn changed() -> ArcRwSignal<u32> {
        with(|s| s.changed.clone()).unwrap_or_else(|| ArcRwSignal::new(0))
    }

    /// The canvas's CSS size in pixels: the last one observed, or (the
    /// first time, before any layout was observed) read from the element.
    /// A first read takes every chart canvas on the page at once, before
    /// any of them is redrawn, so the page is laid out for it once, not
    /// once per chart; each is then observed.
    pub fn of(canvas: &web_sys::HtmlCanvasElement) -> (u32, u32) {
        let read = |c: &web_sys::HtmlCanvasElement| {
            (
                c.client_width().max(1) as u32,
                c.client_height().max(1) as u32,
            )
        };
        let Some(id) = canvas.get_attribute("data-testid") else {
            return read(canvas);
        };
        with(|s| {
            if let Some(&size) = s.by_id.get(&id) {
                // A no-op for an element already observed; a canvas drawn
                // anew under the same test id is observed from now on.
                if let Some(o) = &s.observer {
                    o.observe(canvas);
                }
                return size;
            }
            let all = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector_all("canvas[data-testid]").ok());
            let others = all.iter().flat_map(|list| {
                (0..list.length()).filter_map(move |i| {
                    list.item(i)?.dyn_into::<web_sys::HtmlCanvasElement>().ok()
                })
            });
            for c in others.chain(std::iter::once(canvas.clone())) {
                let Some(other) = c.get_attribute("data-testid") else {
                    continue;
                };
                if s.by_id.contains_key(&other) {
                    continue;
                }
                s.by_id.insert(other, read(&c));
                if let Some(o) = &s.observer {
                    o.observe(&c);
                }
            }
            s.by_id.get(&id).copied().unwrap_or_else(|| read(canvas))
        })
        .unwrap_or_else(|| read(canvas))
    }

    /// Forgets every size (before printing, whose layout is not observed).
    pub fn forget() {
        with(|s| s.by_id.clear());
    }
}

pub use canvas_sizes::changed as canvas_size_changed;

/// Sizes the canvas backing store to its CSS size × devicePixelRatio, scales
/// the context to match, and draws into a CSS-pixel-sized area. The CSS size
/// comes from [`canvas_sizes`] (no forced layout); the backing store is
/// resized only when it changes.
pub fn draw_on_canvas(
    canvas: &web_sys::HtmlCanvasElement,
    draw: impl FnOnce(&DrawingArea<MeasuredCanvas, Shift>) -> Result<(), ChartError>,
) -> Result<(), String> {
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    let (w, h) = canvas_sizes::of(canvas);
    let (css_w, css_h) = (f64::from(w), f64::from(h));
    let (store_w, store_h) = ((css_w * dpr).round() as u32, (css_h * dpr).round() as u32);
    // Setting a size clears the canvas (and resets its transform) even when
    // it is the same; otherwise the old drawing is cleared by hand below.
    let resized = canvas.width() != store_w || canvas.height() != store_h;
    if resized {
        canvas.set_width(store_w);
        canvas.set_height(store_h);
    }
    let backend = MeasuredCanvas::for_canvas(canvas).ok_or("no 2d context")?;
    if !resized {
        let _ = backend.context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        backend
            .context
            .clear_rect(0.0, 0.0, f64::from(store_w), f64::from(store_h));
    }
    let _ = backend.context.scale(dpr, dpr);
    let root = backend.into_drawing_area();
    let area = root.shrink((0, 0), (css_w as u32, css_h as u32));
    draw(&area).map_err(|e| e.0)?;
    area.present().map_err(|e| e.to_string())
}

/// A titled chart: canvas plus a table alternative.
#[component]
pub(crate) fn ChartFrame(
    title: &'static str,
    id: &'static str,
    canvas: NodeRef<Canvas>,
    description: &'static str,
    /// The table alternative.
    children: ChildrenFn,
) -> impl IntoView {
    let table_open = RwSignal::new(false);
    view! {
        <figure class="chart" data-testid=format!("chart-{id}")>
            <figcaption>
                <h3>{title}</h3>
                <p class="chart-desc">{description}</p>
            </figcaption>
            <canvas node_ref=canvas role="img" aria-label=format!("{title}: {description}") data-testid=format!("canvas-{id}")></canvas>
            <details class="chart-table" on:toggle=move |ev| {
                let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                table_open.set(open);
            }>
                <summary>"Show as a table"</summary>
                // Rendered only while open: no work for hidden tables on every change.
                {move || table_open.get().then(|| children())}
            </details>
        </figure>
    }
}

/// Every chart.
#[component]
pub fn ChartsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let headroom = headroom_memo(state);
    let sims = simulation_memo(state);
    let cost_ref = NodeRef::<Canvas>::new();
    let headroom_ref = NodeRef::<Canvas>::new();
    let break_ref = NodeRef::<Canvas>::new();
    let downtime_ref = NodeRef::<Canvas>::new();
    let latency_ref = NodeRef::<Canvas>::new();
    let redraws = RwSignal::new(0u32);
    // Milliseconds of each chart's last redraw: (working out its data, the
    // headroom curve and the simulation included, and drawing it).
    let timing = RwSignal::new([(0.0f64, 0.0f64); 5]);

    // Redraw when the window is resized (canvas size follows CSS) and before
    // printing.
    let resize = RwSignal::new(0u32);
    let _ = leptos::prelude::window_event_listener(leptos::ev::resize, move |_| {
        resize.update(|n| *n += 1)
    });
    let _ = leptos::prelude::window_event_listener(leptos::ev::beforeprint, move |_| {
        canvas_sizes::forget();
        resize.update(|n| *n += 1)
    });
    // A canvas whose laid-out size changed (presentation mode, a panel
    // opening beside the charts, the window): redraw at the new size.
    let sized = canvas_sizes::changed();
    Effect::new(move |first: Option<()>| {
        sized.track();
        if first.is_some() {
            resize.update(|n| *n += 1);
        }
    });

    // The charts start below the first screen (under the tiers table): they
    // are worked out and drawn in a task just after the first figures are
    // painted, with the headroom curve and the Monte Carlo of the downtime
    // chart, not before (issue 16, speed). Their frames, titles and canvases
    // are laid out at once, so nothing moves when they are drawn.
    let ready = super::io::set_after_paint();

    // Each chart's data is a memo of its own (the mapping lives in
    // `charts::from_plan`, tested natively); a chart is redrawn only when its
    // own data changes, or on resize and presentation mode.
    let cost_data = Memo::new(move |_| {
        state
            .last_good
            .with(|g| g.as_ref().map(|g| from_plan::cost_stack(&g.plan)))
    });
    let headroom_data = Memo::new(move |_| {
        let curve = headroom.get();
        state.last_good.with(|g| {
            g.as_ref()
                .map(|g| from_plan::headroom(&curve, &g.scenario, &g.plan.currency))
        })
    });
    let break_data = Memo::new(move |_| {
        state.last_good.with(|g| {
            g.as_ref()
                .map(|g| from_plan::break_even(&g.plan, &g.scenario))
        })
    });
    let downtime_data = Memo::new(move |_| {
        state
            .last_good
            .with(|g| g.is_some())
            .then(|| sims.with(|s| from_plan::downtime(&s.risks)))
    });
    let latency_data = Memo::new(move |_| {
        state
            .last_good
            .with(|g| g.as_ref().map(|g| from_plan::latency(&g.plan, &g.scenario)))
    });

    /// One chart's redraw: when its data, the window size or the
    /// presentation mode changes, it draws onto its own canvas and records
    /// the redraw and its time in its own slot.
    #[allow(clippy::too_many_arguments)]
    fn chart_effect<T: Clone + PartialEq + Send + Sync + 'static>(
        slot: usize,
        data: Memo<Option<T>>,
        canvas: NodeRef<Canvas>,
        ready: RwSignal<bool>,
        resize: RwSignal<u32>,
        presentation: RwSignal<bool>,
        redraws: RwSignal<u32>,
        timing: RwSignal<[(f64, f64); 5]>,
        draw: fn(&DrawingArea<MeasuredCanvas, Shift>, &T) -> Result<(), ChartError>,
    ) {
        Effect::new(move |_| {
            if !ready.get() {
                return;
            }
            resize.track();
            presentation.track();
            let started = super::io::now_ms();
            // Reading the memo (not only tracking it) works its data out
            // here, so the time splits into computing and drawing.
            data.with(|_| ());
            let computed = super::io::now_ms();
            let drawn = data.with(|d| {
                let (Some(d), Some(canvas)) = (d.as_ref(), canvas.get()) else {
                    return false;
                };
                let _ = draw_on_canvas(&canvas, |a| draw(a, d));
                true
            });
            if drawn {
                let done = super::io::now_ms();
                timing.update(|t| t[slot] = (computed - started, done - computed));
                redraws.update(|n| *n += 1);
            }
        });
    }
    let presentation = state.presentation;
    chart_effect(
        0,
        cost_data,
        cost_ref,
        ready,
        resize,
        presentation,
        redraws,
        timing,
        charts::draw_cost_stack,
    );
    chart_effect(
        1,
        headroom_data,
        headroom_ref,
        ready,
        resize,
        presentation,
        redraws,
        timing,
        charts::draw_headroom,
    );
    chart_effect(
        2,
        break_data,
        break_ref,
        ready,
        resize,
        presentation,
        redraws,
        timing,
        charts::draw_break_even,
    );
    chart_effect(
        3,
        downtime_data,
        downtime_ref,
        ready,
        resize,
        presentation,
        redraws,
        timing,
        charts::draw_downtime_distribution,
    );
    chart_effect(
        4,
        latency_data,
        latency_ref,
        ready,
        resize,
        presentation,
        redraws,
        timing,
        charts::draw_latency,
    );

    let cost_table = move || {
        state.last_good.get().map(|good| {
            let cur = good.plan.currency.clone();
            view! {
                <table class="data-table">
                    <thead><tr><th scope="col">"Category"</th>{good.plan.tiers.iter().map(|t| view! { <th scope="col">{t.cost.tier.short_label()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {Category::ALL.iter().enumerate().map(|(i, c)| view! {
                            <tr><th scope="row">{c.label()}</th>
                            {good.plan.tiers.iter().map(|t| view! { <td class="num">{format::money_whole(t.cost.by_category.get(i).map(|x| x.1).unwrap_or(0.0), &cur)}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })
    };
    let headroom_table = move || {
        let cur = state
            .last_good
            .get()
            .map(|g| g.plan.currency.clone())
            .unwrap_or_default();
        view! {
            <table class="data-table">
                <thead><tr><th scope="col">"Each stamp"</th><th scope="col">"Compute multiple"</th><th scope="col">"Monthly (multi-write)"</th><th scope="col">"Shortfall after losing a region"</th></tr></thead>
                <tbody>
                    {headroom.get().into_iter().step_by(4).map(|p| view! {
                        <tr>
                            <td class="num">{format!("{}%", format::number(p.stamp_capacity_fraction * 100.0, 1))}</td>
                            <td class="num">{format!("{}×", format::number(p.compute_multiple, 2))}</td>
                            <td class="num">{format::money_whole(p.monthly, &cur)}</td>
                            <td class="num">{format!("{}% for {}", format::number(p.shortfall_fraction * 100.0, 1), format::duration(p.shortfall_duration_s))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    let break_table = move || {
        state.last_good.get().map(|good| {
            let cur = good.plan.currency.clone();
            view! {
                <table class="data-table" data-testid="break-even-table">
                    <thead><tr><th scope="col">"Tier"</th><th scope="col">"Versus"</th><th scope="col">"Pays for itself above (per hour of downtime)"</th></tr></thead>
                    <tbody>
                        {good.plan.break_even.iter().map(|b| view! {
                            <tr>
                                <td>{b.tier.short_label()}</td><td>{b.versus.short_label()}</td>
                                <td class="num">{b.downtime_cost_per_hour.map(|v| format::money_whole(v, &cur)).unwrap_or_else(|| "never (no less downtime)".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })
    };
    let downtime_table = move || {
        view! {
            <table class="data-table" data-testid="monte-carlo-table">
                <thead><tr><th scope="col">"Tier"</th><th scope="col">"Mean"</th><th scope="col">"P50"</th><th scope="col">"P95"</th><th scope="col">"P99"</th><th scope="col">"Years breaching the customer SLA"</th></tr></thead>
                <tbody>
                    {sims.get().risks.into_iter().map(|s| view! {
                        <tr data-testid=format!("mc-{}", s.tier.id())>
                            <td>{s.tier.short_label()}</td>
                            <td class="num">{format!("{} h", format::number(s.mean_downtime_h, 2))}</td>
                            <td class="num">{format!("{} h", format::number(s.p50_downtime_h, 2))}</td>
                            <td class="num">{format!("{} h", format::number(s.p95_downtime_h, 2))}</td>
                            <td class="num">{format!("{} h", format::number(s.p99_downtime_h, 2))}</td>
                            <td class="num">{format!("{}% of {} years", format::number(s.sla_breach_probability * 100.0, 1), format::number(s.years as f64, 0))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    let latency_table = move || {
        state.last_good.get().map(|good| {
            view! {
                <table class="data-table">
                    <thead><tr><th scope="col">"Users near"</th>{good.plan.tiers.iter().map(|t| view! { <th scope="col">{t.cost.tier.short_label()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {good.plan.tiers.first().map(|first| first.resilience.latency.iter().enumerate().map(|(i, g)| view! {
                            <tr><th scope="row">{g.display_name.clone()}</th>
                            {good.plan.tiers.iter().map(|t| view! { <td class="num">{format!("{} ms", format::number(t.resilience.latency.get(i).map(|x| x.reads_p95_ms).unwrap_or(0.0), 0))}</td> }).collect_view()}
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            }
        })
    };
    view! {
        <section class="charts" aria-label="Charts" data-testid="charts" data-redraws=move || redraws.get().to_string()
            data-compute-ms=move || format!("{:.2}", timing.with(|t| t.iter().map(|x| x.0).sum::<f64>())) data-draw-ms=move || format!("{:.2}", timing.with(|t| t.iter().map(|x| x.1).sum::<f64>()))
            data-simulate-ms=move || ready.get().then(|| sims.with(|r| format!("{:.2}", r.ms))) data-simulated-years=move || ready.get().then(|| sims.with(|r| r.years.to_string()))>
            <ChartFrame title="Monthly cost by component" id="cost" canvas=cost_ref
                description="Stacked monthly cost of each tier, by component: 1 region, standby (active-passive), AA reads (active-active reads, one writer), multi-write.">{move || cost_table()}</ChartFrame>
            <ChartFrame title="Failover headroom" id="headroom" canvas=headroom_ref
                description="Monthly cost (multi-write tier) and capacity shortfall after losing a region, as each stamp's capacity moves; the line marks the current setting.">{move || headroom_table()}</ChartFrame>
            <ChartFrame title="Risk-adjusted cost vs cost of downtime" id="break-even" canvas=break_ref
                description="Annual infrastructure + expected losses, by cost of an hour of downtime; a dot marks where the cheapest tier changes (its break-even, listed in the table). Lines are drawn narrower tier by tier, so coinciding lines show both colours.">{move || break_table()}</ChartFrame>
            <ChartFrame title="Simulated annual downtime" id="downtime" canvas=downtime_ref
                description="Monte Carlo: probability that a year's downtime exceeds each number of hours, on a logarithmic hours axis (0.01 h, 0.1 h, 1 h, 10 h) so tiers minutes and hours apart are both readable. Lines are drawn narrower tier by tier, so coinciding curves show both colours.">{move || downtime_table()}</ChartFrame>
            <ChartFrame title="p95 latency by user geography" id="latency" canvas=latency_ref
                description="Read latency of each user population in each tier; the dashed line is the target.">{move || latency_table()}</ChartFrame>
        </section>
    }
}
