//! The alert listeners of a store, and the one rule their delivery keeps:
//! once [`Listeners::remove`] returns, the listener is never called again.
//!
//! A delivery does not hold any lock while it calls a listener, so a listener
//! may call back into the store, record a change (which delivers in turn, on
//! the same thread) or cancel itself or another listener. Instead, every call
//! is registered: the listener's entry notes the thread making it. Removal
//! marks the entry removed, so no call starts after that, then waits for the
//! calls of that listener still running on *other* threads to finish. It does
//! not wait for its own thread (a listener cancelling itself from inside its
//! call), nor for a thread that is itself waiting, directly or through others,
//! for the remover: two listeners that cancel each other from inside their
//! calls on two threads would otherwise wait for each other forever. In that
//! one case the other thread's call, already under way, may still finish
//! after `remove` returned; no new call starts.
//!
//! A listener that panics is contained: the change is already committed, the
//! other listeners are still told, and the panic does not reach the caller.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::{self, ThreadId};

use super::lock;
use crate::alert::{Alert, AlertListener};

/// Identifies a registered alert listener, to remove it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ListenerId(u64);

/// The registered listeners and the calls under way.
#[derive(Default)]
pub(super) struct Listeners {
    state: Mutex<Registry>,
    /// Signalled whenever a call ends, for removals waiting on it.
    call_ended: Condvar,
}

#[derive(Default)]
struct Registry {
    next_id: u64,
    /// In order of registration. A removed entry stays until its last call
    /// under way has ended.
    entries: Vec<Entry>,
    /// The threads waiting in [`Listeners::remove`], and for which listener.
    waiting: Vec<(ThreadId, u64)>,
}

struct Entry {
    id: u64,
    listener: Arc<dyn AlertListener>,
    removed: bool,
    /// One item per call under way (a thread appears twice in nested calls).
    calling: Vec<ThreadId>,
}

impl Listeners {
    /// Registers `listener`; calls start with the next delivery.
    pub(super) fn add(&self, listener: Arc<dyn AlertListener>) -> ListenerId {
        let mut state = lock(&self.state);
        let id = state.next_id;
        state.next_id = id.wrapping_add(1);
        state.entries.push(Entry {
            id,
            listener,
            removed: false,
            calling: Vec::new(),
        });
        ListenerId(id)
    }

    /// Removes a listener: no call starts once this returns, and the calls
    /// under way on other threads have ended (but for a waiting cycle; see
    /// the module documentation). Removing it twice does nothing.
    pub(super) fn remove(&self, id: ListenerId) {
        let me = thread::current().id();
        let mut state = lock(&self.state);
        match state.entries.iter_mut().find(|e| e.id == id.0) {
            Some(entry) => entry.removed = true,
            None => return,
        }
        while state.must_wait_for(id.0, me) {
            state.waiting.push((me, id.0));
            state = self
                .call_ended
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
            if let Some(at) = state.waiting.iter().position(|w| *w == (me, id.0)) {
                state.waiting.swap_remove(at);
            }
        }
        state.drop_finished();
    }

    /// Tells every listener registered now about each alert, in order, on
    /// this thread. A listener removed meanwhile is skipped.
    pub(super) fn deliver<'a>(&self, alerts: impl Iterator<Item = &'a Alert>) {
        let alerts: Vec<&Alert> = alerts.collect();
        if alerts.is_empty() {
            return;
        }
        let ids: Vec<u64> = lock(&self.state).entries.iter().map(|e| e.id).collect();
        for alert in alerts {
            for &id in &ids {
                self.call(id, alert);
            }
        }
    }

    /// Calls one listener, unless it was removed, registering the call.
    fn call(&self, id: u64, alert: &Alert) {
        let me = thread::current().id();
        let listener = {
            let mut state = lock(&self.state);
            let Some(entry) = state.entries.iter_mut().find(|e| e.id == id && !e.removed) else {
                return;
            };
            entry.calling.push(me);
            Arc::clone(&entry.listener)
        };
        // A panic here must not leave the call registered (a removal would
        // wait forever), nor undo a committed change: contain it.
        let _ = catch_unwind(AssertUnwindSafe(|| listener.on_alert(alert)));
        let mut state = lock(&self.state);
        if let Some(entry) = state.entries.iter_mut().find(|e| e.id == id) {
            if let Some(at) = entry.calling.iter().position(|t| *t == me) {
                entry.calling.swap_remove(at);
            }
        }
        state.drop_finished();
        drop(state);
        self.call_ended.notify_all();
    }
}

impl Registry {
    /// True while a call of listener `id` runs on another thread that is not
    /// waiting, directly or through others, for `me`.
    fn must_wait_for(&self, id: u64, me: ThreadId) -> bool {
        self.callers(id)
            .iter()
            .any(|&t| t != me && !self.waits_for(t, me, &mut Vec::new()))
    }

    /// True if `thread` waits in a removal for a call made by `target`, or by
    /// a thread that in turn waits for `target`.
    fn waits_for(&self, thread: ThreadId, target: ThreadId, seen: &mut Vec<ThreadId>) -> bool {
        if seen.contains(&thread) {
            return false;
        }
        seen.push(thread);
        let awaited: Vec<u64> = self
            .waiting
            .iter()
            .filter(|(t, _)| *t == thread)
            .map(|(_, id)| *id)
            .collect();
        awaited.into_iter().any(|id| {
            self.callers(id)
                .into_iter()
                .any(|c| c == target || (c != thread && self.waits_for(c, target, seen)))
        })
    }

    fn callers(&self, id: u64) -> Vec<ThreadId> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .map_or_else(Vec::new, |e| e.calling.clone())
    }

    /// Forgets removed listeners with no call under way.
    fn drop_finished(&mut self) {
        self.entries.retain(|e| !e.removed || !e.calling.is_empty());
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::alert::AlertKind;
    use crate::ids::AlertId;

    fn alert() -> Alert {
        Alert {
            id: AlertId::random(),
            at: crate::time::moment_from_parts("at", 1_772_000_000_000, 0).unwrap(),
            kind: AlertKind::Preventive,
            from_level: "low".into(),
            to_level: "moderate".into(),
            rising: true,
            title: "t".into(),
            reasons: vec![],
            acknowledged_at: None,
        }
    }

    struct Panics(AtomicUsize);

    impl AlertListener for Panics {
        fn on_alert(&self, _alert: &Alert) {
            self.0.fetch_add(1, Ordering::SeqCst);
            panic!("a listener failure on purpose");
        }
    }

    #[test]
    fn a_panicking_listener_is_contained_and_can_still_be_removed() {
        let listeners = Listeners::default();
        let first = Arc::new(Panics(AtomicUsize::new(0)));
        let second = Arc::new(Panics(AtomicUsize::new(0)));
        let id = listeners.add(first.clone());
        listeners.add(second.clone());
        let a = alert();
        listeners.deliver([&a, &a].into_iter());
        assert_eq!(first.0.load(Ordering::SeqCst), 2);
        assert_eq!(second.0.load(Ordering::SeqCst), 2, "the others still told");
        listeners.remove(id);
        listeners.remove(id);
        listeners.deliver(std::iter::once(&a));
        assert_eq!(first.0.load(Ordering::SeqCst), 2, "not called once removed");
        assert_eq!(lock(&listeners.state).entries.len(), 1);
    }
}
