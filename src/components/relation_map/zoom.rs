//! Zooming and panning the map: the view box, and what the wheel, a drag, two fingers
//! and the zoom buttons do to it, within the bounds of the mode shown. A press that
//! moves less than a few pixels stays a click.

use diplomap_app_core::graph::Mode;
use diplomap_app_core::map::{self, Point, Rect};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The map's view and what moves it. `Copy`: handlers take it by value.
#[derive(Clone, Copy)]
pub(super) struct ZoomPan {
    /// The part of the map on screen, in map units.
    pub view_box: RwSignal<Rect>,
    /// The SVG's width on screen, in CSS pixels.
    pub width_px: RwSignal<f64>,
    /// Map units per CSS pixel: sizes that must look the same at any zoom use it.
    pub unit: Memo<f64>,
    /// Where the view goes back to ("Fit"): the countries in play, or the whole graph.
    home: Memo<Rect>,
    mode: RwSignal<Mode>,
    svg_ref: NodeRef<leptos::svg::Svg>,
    /// Where a press started, the view then, and whether it has moved enough to pan.
    drag: StoredValue<Option<(f64, f64, Rect, bool)>>,
    /// The last press panned or pinched: the click it ends in selects nothing.
    dragged: StoredValue<bool>,
    /// The pointers down: id and client position.
    touches: StoredValue<Vec<(i32, f64, f64)>>,
    /// A pinch under way: the fingers' distance at its start, the view then, and the
    /// point between them.
    pinch: StoredValue<Option<(f64, Rect, Point)>>,
}

/// The view of the map drawn in `svg_ref`, starting at (and following) `home`. The
/// wheel listener and the window's resize listener go with the owner.
pub(super) fn use_zoom_pan(
    svg_ref: NodeRef<leptos::svg::Svg>,
    home: Memo<Rect>,
    mode: RwSignal<Mode>,
) -> ZoomPan {
    let view_box = RwSignal::new(home.get_untracked());
    Effect::new(move |_| view_box.set(home.get()));
    let width_px = RwSignal::new(800.0_f64);
    let measure = move || {
        if let Some(svg) = svg_ref.get_untracked() {
            let width = svg.get_bounding_client_rect().width();
            if width > 0.0 {
                width_px.set(width);
            }
        }
    };
    Effect::new(move |_| {
        if svg_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let zoom = ZoomPan {
        view_box,
        width_px,
        unit: Memo::new(move |_| view_box.with(|rect| rect.w) / width_px.get()),
        home,
        mode,
        svg_ref,
        drag: StoredValue::new(None),
        dragged: StoredValue::new(false),
        touches: StoredValue::new(Vec::new()),
        pinch: StoredValue::new(None),
    };
    zoom.listen_to_the_wheel();
    zoom
}

impl ZoomPan {
    /// How far the view may go: the world, or the graph.
    fn bounds(&self) -> Rect {
        match self.mode.get_untracked() {
            Mode::Map => map::world(),
            Mode::Graph => map::graph_view(),
        }
    }

    /// Zooms about the middle of the view (the buttons).
    pub fn zoom(&self, factor: f64) {
        let current = self.view_box.get_untracked();
        self.view_box.set(
            current
                .zoomed(factor, current.center())
                .clamped(&self.bounds(), map::MIN_WIDTH),
        );
    }

    /// Pans by a share of the view's width and height (the arrow keys).
    pub fn pan(&self, right: f64, down: f64) {
        let current = self.view_box.get_untracked();
        self.view_box.set(
            current
                .moved(right * current.w, down * current.h)
                .clamped(&self.bounds(), map::MIN_WIDTH),
        );
    }

    /// What a key does to the view: arrows pan, + and − zoom, 0 fits. Whether it was
    /// one of those.
    pub fn key(&self, key: &str) -> bool {
        match key {
            "ArrowLeft" => self.pan(-0.15, 0.0),
            "ArrowRight" => self.pan(0.15, 0.0),
            "ArrowUp" => self.pan(0.0, -0.15),
            "ArrowDown" => self.pan(0.0, 0.15),
            "+" | "=" => self.zoom(1.0 / 1.5),
            "-" | "_" | "\u{2212}" => self.zoom(1.5),
            "0" => self.reset(),
            _ => return false,
        }
        true
    }

    /// Back to the view of the countries in play.
    pub fn reset(&self) {
        self.view_box.set(self.home.get_untracked());
    }

    /// Whether the click at hand ends a pan or a pinch (and so selects nothing).
    pub fn ends_a_drag(&self) -> bool {
        let dragged = self.dragged.get_value();
        self.dragged.set_value(false);
        dragged
    }

    /// Wheel zoom: a listener on the SVG itself, so it can stop the page from
    /// scrolling. Removed with the SVG (the map comes and goes with the countries in
    /// play).
    fn listen_to_the_wheel(self) {
        let ZoomPan {
            view_box, svg_ref, ..
        } = self;
        let bounds = move || self.bounds();
        let wheel = StoredValue::new_local(None::<WheelListener>);
        Effect::new(move |_| {
            remove_wheel_listener(wheel);
            let Some(svg) = svg_ref.get() else { return };
            let target: web_sys::Element = svg.unchecked_into();
            let element = target.clone();
            let handler = Closure::<dyn FnMut(web_sys::WheelEvent)>::new(
                move |event: web_sys::WheelEvent| {
                    event.prevent_default();
                    let factor = (event.delta_y() * 0.0015).clamp(-0.5, 0.5).exp();
                    let current = view_box.get_untracked();
                    let Some(about) =
                        map_point(&element, current, event.client_x(), event.client_y())
                    else {
                        return;
                    };
                    view_box.set(
                        current
                            .zoomed(factor, about)
                            .clamped(&bounds(), map::MIN_WIDTH),
                    );
                },
            );
            let options = web_sys::AddEventListenerOptions::new();
            options.set_passive(false);
            let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
                "wheel",
                handler.as_ref().unchecked_ref(),
                &options,
            );
            wheel.set_value(Some((target, handler)));
        });
        on_cleanup(move || remove_wheel_listener(wheel));
    }

    /// A press: the start of a drag, or with a second finger, of a pinch.
    pub fn pointer_down(&self, event: ev::PointerEvent) {
        let ZoomPan {
            view_box,
            svg_ref,
            drag,
            dragged,
            touches,
            pinch,
            ..
        } = *self;
        if event.button() != 0 {
            return;
        }
        let here = (
            event.pointer_id(),
            f64::from(event.client_x()),
            f64::from(event.client_y()),
        );
        touches.update_value(|touches| {
            touches.retain(|touch| touch.0 != here.0);
            touches.push(here);
        });
        if let [a, b] = touches.get_value()[..] {
            drag.set_value(None);
            let current = view_box.get_untracked();
            let middle = svg_ref.get_untracked().and_then(|svg| {
                map_point(
                    &svg.unchecked_into(),
                    current,
                    ((a.1 + b.1) / 2.0) as i32,
                    ((a.2 + b.2) / 2.0) as i32,
                )
            });
            pinch.set_value(
                middle.map(|middle| ((a.1 - b.1).hypot(a.2 - b.2).max(1.0), current, middle)),
            );
            return;
        }
        dragged.set_value(false);
        drag.set_value(Some((here.1, here.2, view_box.get_untracked(), false)));
    }

    /// Pans with one pointer past a few pixels, zooms with two.
    pub fn pointer_move(&self, event: ev::PointerEvent) {
        let ZoomPan {
            view_box,
            svg_ref,
            drag,
            touches,
            pinch,
            unit,
            ..
        } = *self;
        let bounds = || self.bounds();
        let (id, x, y) = (
            event.pointer_id(),
            f64::from(event.client_x()),
            f64::from(event.client_y()),
        );
        touches.update_value(|touches| {
            if let Some(touch) = touches.iter_mut().find(|touch| touch.0 == id) {
                *touch = (id, x, y);
            }
        });
        if let (Some((distance, start, middle)), [a, b]) =
            (pinch.get_value(), &touches.get_value()[..])
        {
            let now = a.1 - b.1;
            let factor = distance / now.hypot(a.2 - b.2).max(1.0);
            view_box.set(
                start
                    .zoomed(factor, middle)
                    .clamped(&bounds(), map::MIN_WIDTH),
            );
            return;
        }
        let Some((x0, y0, start, moved)) = drag.get_value() else {
            return;
        };
        let dx = x - x0;
        let dy = y - y0;
        if !moved && dx.hypot(dy) < 4.0 {
            return;
        }
        if !moved {
            if let Some(svg) = svg_ref.get_untracked() {
                let _ = svg.set_pointer_capture(event.pointer_id());
            }
        }
        drag.set_value(Some((x0, y0, start, true)));
        let k = unit.get_untracked();
        view_box.set(
            start
                .moved(-dx * k, -dy * k)
                .clamped(&bounds(), map::MIN_WIDTH),
        );
    }

    /// The end of a press (or its cancel): whether it panned, for the click after it.
    pub fn pointer_up(&self, event: ev::PointerEvent) {
        let ZoomPan {
            drag,
            dragged,
            touches,
            pinch,
            ..
        } = *self;
        touches.update_value(|touches| touches.retain(|touch| touch.0 != event.pointer_id()));
        if pinch.get_value().is_some() {
            // A pinch is not a click, and the finger left behind does not start a drag.
            pinch.set_value(None);
            dragged.set_value(true);
            drag.set_value(None);
            return;
        }
        dragged.set_value(drag.get_value().is_some_and(|(_, _, _, moved)| moved));
        drag.set_value(None);
    }
}

/// The SVG element and its wheel handler, kept to remove the listener.
type WheelListener = (web_sys::Element, Closure<dyn FnMut(web_sys::WheelEvent)>);

fn remove_wheel_listener(wheel: StoredValue<Option<WheelListener>, LocalStorage>) {
    let _ = wheel.try_update_value(|wheel| {
        if let Some((element, handler)) = wheel.take() {
            let _ = element
                .remove_event_listener_with_callback("wheel", handler.as_ref().unchecked_ref());
        }
    });
}

/// The point of the map under the client coordinates `x`, `y` of `svg`, showing `view`.
fn map_point(svg: &web_sys::Element, view: Rect, x: i32, y: i32) -> Option<Point> {
    let rect = svg.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    Some(Point::new(
        view.x + (f64::from(x) - rect.left()) / rect.width() * view.w,
        view.y + (f64::from(y) - rect.top()) / rect.height() * view.h,
    ))
}
