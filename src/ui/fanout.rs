//! One subscriber standing for many readers of the same signal.
//!
//! Every input field shows one value of the scenario, and every field's
//! error line and red outline read the map of field errors. As memos, each
//! of those readers subscribed to the scenario (or the error map) itself:
//! about 150 and 300 subscribers, and on every keystroke the reactive graph
//! copied each subscriber list and, as each reader re-ran, took it out of
//! the list and put it back (a shift of the whole list each time). Measured
//! with the browser's profiler over 60 changes of peak traffic, that
//! bookkeeping was about 1.6 ms of each keystroke's 9 (issue 16: input →
//! every figure and chart within a frame).
//!
//! A [`Fanout`] is the one subscriber instead: an effect that, when the
//! source changes, works out every registered reader's value and sets the
//! reader's own signal only when that value changed. A field whose value did
//! not change is not touched.

use std::sync::Arc;

use leptos::prelude::*;

type Update<S> = Arc<dyn Fn(&S) + Send + Sync>;

/// The registered readers: an id (to remove one when its field goes) and
/// what it does with a new value of the source; and the owner the one
/// subscriber is made under, when the first reader comes (so a state made
/// before the page is mounted, as the in-browser tests make it, starts no
/// effect before there is anything to run it).
struct Readers<S> {
    next: u64,
    list: Vec<(u64, Update<S>)>,
    owner: Option<Owner>,
    subscribed: bool,
}

/// Readers of `S` sharing one subscription to it ([`Fanout::derive`]).
pub struct Fanout<S: Send + Sync + 'static> {
    source: Signal<S>,
    readers: StoredValue<Readers<S>>,
}

impl<S: Send + Sync + 'static> Clone for Fanout<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S: Send + Sync + 'static> Copy for Fanout<S> {}

impl<S: Send + Sync + 'static> Fanout<S> {
    /// Readers of `source`; the one subscriber lives as long as the current
    /// owner.
    pub fn new(source: impl Into<Signal<S>>) -> Self {
        Self {
            source: source.into(),
            readers: StoredValue::new(Readers {
                next: 0,
                list: Vec::new(),
                owner: Owner::current(),
                subscribed: false,
            }),
        }
    }

    /// The one subscriber: when the source changes, every reader's update.
    fn subscribe(self) {
        let (source, readers) = (self.source, self.readers);
        let effect = move || {
            Effect::new(move |_| {
                // The readers as they are now: one that goes while this runs
                // is still called once, and sets nothing (its signal is gone).
                let list: Vec<Update<S>> = readers
                    .try_with_value(|r| r.list.iter().map(|(_, f)| Arc::clone(f)).collect())
                    .unwrap_or_default();
                source.with(|s| {
                    for update in &list {
                        update(s);
                    }
                });
            });
        };
        match readers.try_with_value(|r| r.owner.clone()).flatten() {
            Some(owner) => owner.with(effect),
            None => effect(),
        }
    }

    /// A signal holding `get` of the source, kept up to date by the one
    /// subscriber, and set only when its value changes (like a memo). It
    /// stops being updated when the current owner (the field) is cleaned up.
    pub fn derive<T>(self, get: impl Fn(&S) -> T + Send + Sync + 'static) -> Signal<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let value = RwSignal::new(self.source.with_untracked(&get));
        let update: Update<S> = Arc::new(move |s: &S| {
            let new = get(s);
            if value.try_with_untracked(|old| *old != new) == Some(true) {
                value.try_set(new);
            }
        });
        let (id, first) = self
            .readers
            .try_update_value(|r| {
                r.next += 1;
                r.list.push((r.next, update));
                let first = !r.subscribed;
                r.subscribed = true;
                (Some(r.next), first)
            })
            .unwrap_or((None, false));
        if first {
            self.subscribe();
        }
        let readers = self.readers;
        on_cleanup(move || {
            readers.try_update_value(|r| r.list.retain(|(k, _)| Some(*k) != id));
        });
        value.into()
    }
}
