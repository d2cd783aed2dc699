//! Audition: the selected segment's current words (saved or not) in its speaker's voice, and
//! *Listen from here*, which plays on segment after segment, moving the selection with the audio.
//! The server renders or finds each clip (`audition`); the page keeps its audio in memory
//! (`memory`, bounded; the URL names the content, so it is never stale), and the next clip is
//! fetched while one plays, so the next one starts at once. While listening, moving the selection
//! plays the segment moved to.

mod memory;

use std::collections::HashMap;

use leptos::{html::Audio, prelude::*, task::spawn_local};
use shared::{CharacterId, SegmentId};

use super::edits::Workspace;
use crate::{api::audition::audition, model::Clip};

/// What the player is doing.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Idle,
    /// Waiting for the clip of this segment.
    Loading(SegmentId),
    Playing(SegmentId),
    /// The last audition failed, in words.
    Failed(String),
}

/// A clip request: the words and who says them.
type Said = (String, Option<String>);

/// The workspace's player; a handle of signals.
#[derive(Clone, Copy)]
pub struct Player {
    pub status: RwSignal<Status>,
    /// The segment heard last, its words as sent and its clip (for the marked preview).
    pub heard: RwSignal<Option<(SegmentId, String, Clip)>>,
    /// Whether the end of a clip plays the next segment.
    pub listening: RwSignal<bool>,
    /// The element that plays.
    pub audio: NodeRef<Audio>,
    /// Clips' audio held by the page.
    memory: StoredValue<memory::Memory>,
    /// Clips already rendered, by words and speaker: a replay asks the server nothing.
    known: StoredValue<HashMap<Said, Clip>>,
    /// Bumped by every request, so an answer that arrives after a newer request is dropped.
    generation: StoredValue<u64>,
    /// The generation whose audio failed to load and was asked for again, so it is asked once.
    retried: StoredValue<u64>,
}

/// Most clips remembered; their audio is in the browser's cache, this is only the index.
const KNOWN_CLIPS: usize = 2_000;

impl Player {
    pub fn new() -> Self {
        Self {
            status: RwSignal::new(Status::Idle),
            heard: RwSignal::new(None),
            listening: RwSignal::new(false),
            audio: NodeRef::new(),
            memory: StoredValue::new(memory::Memory::default()),
            known: StoredValue::new(HashMap::new()),
            generation: StoredValue::new(0),
            retried: StoredValue::new(0),
        }
    }

    /// Whether a clip is loading or playing (tracked).
    pub fn busy(self) -> bool {
        matches!(self.status.get(), Status::Loading(_) | Status::Playing(_))
    }

    /// Plays the selected segment, or stops when something plays.
    pub fn toggle(self, ws: Workspace) {
        if self.busy_untracked() {
            self.stop();
        } else if let Some(id) = ws.selection.selected.get_untracked() {
            self.play(ws, id);
        }
    }

    /// Listens from the selected segment on, or stops listening.
    pub fn toggle_listening(self, ws: Workspace) {
        if self.listening.get_untracked() {
            self.stop();
        } else if let Some(id) = ws.selection.selected.get_untracked() {
            self.listening.set(true);
            self.play(ws, id);
        }
    }

    fn busy_untracked(self) -> bool {
        matches!(
            self.status.get_untracked(),
            Status::Loading(_) | Status::Playing(_)
        )
    }

    /// Stops playing and listening.
    pub fn stop(self) {
        self.generation.update_value(|g| *g += 1);
        self.listening.set(false);
        if let Some(audio) = self.audio.get_untracked() {
            let _ = audio.pause();
        }
        self.status.set(Status::Idle);
    }

    /// Plays segment `id`'s current words.
    pub fn play(self, ws: Workspace, id: SegmentId) {
        let Some(said) = said(ws, id) else {
            return;
        };
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        if let Some(audio) = self.audio.get_untracked() {
            let _ = audio.pause();
        }
        self.status.set(Status::Loading(id));
        spawn_local(async move {
            let answer = self.clip(ws, said.clone()).await;
            if self.generation.get_value() != generation {
                return;
            }
            let source = match &answer {
                Ok(clip) => self.source(clip).await,
                Err(_) => String::new(),
            };
            if self.generation.get_value() != generation {
                return;
            }
            match answer {
                Ok(clip) => {
                    self.heard.set(Some((id, said.0, clip.clone())));
                    self.start(&source, id, ws.t.audio_refused);
                    if self.listening.get_untracked() {
                        self.fetch_ahead(ws, id);
                    }
                }
                Err(message) => {
                    self.listening.set(false);
                    self.status.set(Status::Failed(message));
                }
            }
        });
    }

    /// The clip of `said`, from those known or from the server.
    async fn clip(self, ws: Workspace, said: Said) -> Result<Clip, String> {
        if let Some(clip) = self.known.with_value(|known| known.get(&said).cloned()) {
            return Ok(Clip {
                cached: true,
                ..clip
            });
        }
        let speaker = said.1.clone().map(CharacterId);
        let clip = audition(ws.project, said.0.clone(), speaker)
            .await
            .map_err(|err| (ws.t.error)(&err))?;
        self.known.update_value(|known| {
            if known.len() >= KNOWN_CLIPS {
                known.clear();
            }
            known.insert(said, clip.clone());
        });
        Ok(clip)
    }

    /// Where the audio of `clip` plays from: the page's memory, fetched into it now, or (when it
    /// cannot be fetched) the clip's URL.
    async fn source(self, clip: &Clip) -> String {
        if let Some(url) = self.memory.try_update_value(|m| m.get(&clip.key)).flatten() {
            return url;
        }
        let Some((object, bytes)) = memory::fetch(&clip.url).await else {
            return clip.url.clone();
        };
        let dropped = self
            .memory
            .try_update_value(|m| m.put(clip.key.clone(), object.clone(), bytes))
            .unwrap_or_default();
        for url in dropped {
            memory::revoke(&url);
        }
        object
    }

    fn start(self, url: &str, id: SegmentId, refused: &'static str) {
        let Some(audio) = self.audio.get_untracked() else {
            return;
        };
        audio.set_src(url);
        match audio.play() {
            Ok(_) => self.status.set(Status::Playing(id)),
            Err(_) => self.status.set(Status::Failed(refused.to_owned())),
        }
    }

    /// Renders the segment after `id` and fetches its audio into memory, so that it starts at
    /// once when `id` ends.
    fn fetch_ahead(self, ws: Workspace, id: SegmentId) {
        let Some(next) = next_segment(ws, id) else {
            return;
        };
        let Some(said) = said(ws, next) else {
            return;
        };
        spawn_local(async move {
            if let Ok(clip) = self.clip(ws, said).await {
                self.source(&clip).await;
            }
        });
    }

    /// The playing clip's audio could not be loaded (the server's cache dropped it since, or the
    /// network failed): forget it and ask the server once more, which renders it again; a second
    /// failure is shown.
    pub fn failed_to_load(self, ws: Workspace) {
        let id = match self.status.get_untracked() {
            Status::Loading(id) | Status::Playing(id) => id,
            _ => return,
        };
        let generation = self.generation.get_value();
        if self.retried.get_value() == generation {
            self.listening.set(false);
            self.status
                .set(Status::Failed(ws.t.audio_refused.to_owned()));
            return;
        }
        if let Some(said) = said(ws, id) {
            let clip = self
                .known
                .try_update_value(|known| known.remove(&said))
                .flatten();
            if let Some(clip) = clip {
                let url = self
                    .memory
                    .try_update_value(|m| m.forget(&clip.key))
                    .flatten();
                if let Some(url) = url {
                    memory::revoke(&url);
                }
            }
        }
        self.play(ws, id);
        self.retried.set_value(self.generation.get_value());
    }

    /// The clip ended: the next segment when listening (selecting it plays it), else idle.
    pub fn ended(self, ws: Workspace) {
        let current = match self.status.get_untracked() {
            Status::Playing(id) => id,
            _ => return,
        };
        self.status.set(Status::Idle);
        if !self.listening.get_untracked() {
            return;
        }
        match next_segment(ws, current) {
            Some(next) => {
                ws.selection.selected.set(Some(next));
                self.play(ws, next);
            }
            None => self.listening.set(false),
        }
    }

    /// While listening, a selection moved by the producer plays the segment moved to.
    pub fn follow_selection(self, ws: Workspace, selected: Option<SegmentId>) {
        let Some(id) = selected else {
            return;
        };
        let current = match self.status.get_untracked() {
            Status::Loading(id) | Status::Playing(id) => Some(id),
            _ => None,
        };
        if self.listening.get_untracked() && current != Some(id) {
            self.play(ws, id);
        }
    }
}

/// Segment `id`'s words and speaker.
fn said(ws: Workspace, id: SegmentId) -> Option<Said> {
    ws.state.with_untracked(|s| {
        s.segment(id)
            .map(|segment| (segment.text.clone(), segment.speaker.clone()))
    })
}

/// The segment after `id` in the plan.
fn next_segment(ws: Workspace, id: SegmentId) -> Option<SegmentId> {
    ws.state.with_untracked(|s| {
        let segments = s.segments();
        let at = segments.iter().position(|segment| segment.id == id)?;
        segments.get(at + 1).map(|segment| segment.id)
    })
}
