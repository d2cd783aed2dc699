//! `GET /api/chapters/{chapter}/live`: a chapter's live state as Server-Sent Events — the stored
//! plan version and who else is on it — one JSON `Live` per change, checked every second. While
//! the stream is open the reader counts as on the chapter; its page catches up when the version
//! moves. The state lives in the database, so readers on different servers see each other.

use std::{sync::Arc, time::Duration};

use crate::store::SqlStore;
use app::model::{ChapterId, Live, Principal};
use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    },
    Extension,
};

/// How often the state is checked.
const EVERY: Duration = Duration::from_secs(1);

/// Streams the chapter's live state; 404 outside the reader's organisation.
pub(super) async fn live(
    State(store): State<Arc<SqlStore>>,
    who: Option<Extension<Principal>>,
    Path(chapter): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let chapter = ChapterId(chapter);
    let who = match super::chapter_reader(&store, who, chapter, &headers).await {
        Ok((who, _)) => who,
        Err(refused) => return refused,
    };
    let stream = futures_util::stream::unfold(
        (store, who, None::<Live>, true),
        move |(store, who, mut sent, first)| async move {
            if !first {
                tokio::time::sleep(EVERY).await;
            }
            loop {
                match store.check_in(&who, chapter).await {
                    Ok(live) if sent.as_ref() != Some(&live) => {
                        let event = Event::default().json_data(&live).ok()?;
                        sent = Some(live);
                        return Some((
                            Ok::<_, std::convert::Infallible>(event),
                            (store, who, sent, false),
                        ));
                    }
                    Ok(_) => {}
                    Err(err) => tracing::warn!(error = %err, "checking a chapter's live state"),
                }
                tokio::time::sleep(EVERY).await;
            }
        },
    );
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}
