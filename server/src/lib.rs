//! The studio server: builds the axum router (pages, server functions, static files) around a
//! database-backed `PlanStore`, the engines' `VoiceCatalogue` and the LLM's `SpeakerJobs`.
//! Tests start it on port 0 without going through `main`.

#![recursion_limit = "256"]

pub mod accounts;
pub mod config;
pub mod db;
pub mod demo;
pub mod import;
pub mod jobs;
pub mod llm;
pub mod pdftotext;
pub mod render;
pub mod rest;
pub mod retry;
pub mod routes;
pub mod speaker_jobs;
pub mod speech;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod usage;
pub mod voices;

use std::{net::SocketAddr, sync::Arc};

use anyhow::Context;
use app::{
    api::{
        Accounts, Auditions, PlanStore, ProjectStore, PronunciationStore, Renders, SpeakerJobs,
        VoiceCatalogue,
    },
    shell, App,
};
use axum::{
    extract::DefaultBodyLimit,
    http::{header, HeaderValue},
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::{
    compression::{
        predicate::{NotForContentType, Predicate},
        CompressionLayer, DefaultPredicate,
    },
    services::ServeDir,
    set_header::SetResponseHeaderLayer,
    trace::TraceLayer,
};

use crate::{
    accounts::SqlAccounts,
    config::Config,
    db::Db,
    jobs::JobSettings,
    llm::LlmEngine,
    render::{ChapterRenders, Ffmpeg},
    speaker_jobs::LlmJobs,
    speech::{
        azure::Azure, elevenlabs::ElevenLabs, espeak::Espeak, AudioCache, Auditioner, SpeechEngine,
    },
    state::AppState,
    store::SqlStore,
    usage::Usage,
    voices::EngineVoices,
};

/// Largest request body: a saved plan carries each segment's text twice (text and original), so
/// it is about twice its chapter, which may be 20 MB; the domain gives the precise error below that.
const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

/// Stack size of the runtime's worker threads. Server rendering walks deeply nested view types;
/// unoptimised builds overflow tokio's 2 MiB default on the chapter page.
const WORKER_STACK_BYTES: usize = 16 * 1024 * 1024;

/// The multi-threaded runtime the server runs on.
///
/// # Errors
/// When the operating system refuses the threads.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(WORKER_STACK_BYTES)
        .build()
}

/// A bound, ready-to-run server.
pub struct Application {
    listener: TcpListener,
    router: Router,
    address: SocketAddr,
    setup_link: Option<String>,
}

impl Application {
    /// Connects the database, migrates it, seeds the demo when asked, and binds the address.
    ///
    /// # Errors
    /// When the database cannot be opened or migrated, or the address cannot be bound.
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let voices = EngineVoices::new(&config).context("preparing the voice catalogue")?;
        let llm = match &config.llm {
            Some(llm) => Some((
                LlmEngine::new(llm).context("preparing the LLM speaker engine")?,
                llm.model.clone(),
            )),
            None => None,
        };
        let db = Db::connect(&config.database_url).await?;
        let cache =
            AudioCache::open(&config.audio_store, db.clone(), config.audio_cache_bytes).await?;
        let store = SqlStore::new(db.clone());
        let usage = Usage::new(db.clone(), config.usage);
        let accounts = Arc::new(SqlAccounts::new(
            db.clone(),
            store.clone(),
            config.seed_demo,
        ));
        let setup = accounts.prepare().await?;
        let listener = TcpListener::bind(config.address)
            .await
            .with_context(|| format!("binding {}", config.address))?;
        let address = listener.local_addr().context("reading the bound address")?;
        let setup_link = setup.map(|token| format!("http://{address}/setup?link={token}"));
        if let Some(link) = &setup_link {
            // A warning, so that it shows at every log level but `error`: whoever started the
            // server needs it, once.
            tracing::warn!(
                "no account exists yet; create the first owner (the link works once): {link}"
            );
        }
        let leptos_options = leptos_options(&config.site_root, address)?;
        let store = Arc::new(store);
        let speaker_jobs = Arc::new(LlmJobs::new(
            db.clone(),
            store.clone(),
            llm,
            usage.clone(),
            config.jobs,
        ));
        speaker_jobs.start_runner();
        let mut engines: Vec<Arc<dyn SpeechEngine>> = vec![Arc::new(Espeak::new(
            &config.espeak_program,
            config.espeak_processes,
        ))];
        if let Some(speech) = &config.azure_speech {
            engines.push(Arc::new(
                Azure::new(speech.clone(), config.speech_retry)
                    .context("preparing Azure Speech")?,
            ));
        }
        if let Some(account) = &config.elevenlabs {
            engines.push(Arc::new(
                ElevenLabs::new(account.clone(), config.speech_retry)
                    .context("preparing ElevenLabs")?,
            ));
        }
        let voices = Arc::new(voices);
        let auditions = Arc::new(Auditioner::new(
            store.clone(),
            voices.clone(),
            engines,
            cache,
            config.prices.clone(),
            usage,
        ));
        let renders = Arc::new(ChapterRenders::new(
            db.clone(),
            store.clone(),
            auditions.clone(),
            Ffmpeg::new(config.ffmpeg_program.clone()),
            // A render holds its chapter's audio in memory: two at a time per server.
            JobSettings {
                concurrency: 2,
                ..config.jobs
            },
        ));
        renders.start_runner();
        let state = AppState {
            leptos_options,
            accounts,
            store,
            voices,
            speaker_jobs,
            auditions,
            renders,
            pdf: Arc::new(pdftotext::Pdftotext {
                program: config.pdftotext_program.clone(),
                ..pdftotext::Pdftotext::default()
            }),
        };
        Ok(Self {
            listener,
            router: router(state),
            address,
            setup_link,
        })
    }

    /// The address actually bound (useful with port 0).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The one-time link that creates the first owner, on a fresh install without the demo.
    pub fn setup_link(&self) -> Option<&str> {
        self.setup_link.as_deref()
    }

    /// Serves until the process is stopped.
    ///
    /// # Errors
    /// When the server fails.
    pub async fn run(self) -> anyhow::Result<()> {
        self.run_until(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
    }

    /// Serves until `stop` completes, then finishes the requests under way.
    ///
    /// # Errors
    /// When the server fails.
    pub async fn run_until(
        self,
        stop: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(stop)
        .await
        .context("serving http")
    }
}

/// Where the site lives, and the names of its bundle and stylesheet. `build_site` names them by a
/// hash of their contents and writes the hashes to `hash.txt` in the site root, which the shell
/// reads (Leptos joins `hash_file` to the binary's folder, so the path is made absolute). A site
/// without one (built by other means) keeps the plain names `studio.js` and `studio_bg.wasm`.
///
/// # Errors
/// When the current directory cannot be read to make a relative site root absolute.
pub fn leptos_options(site_root: &str, address: SocketAddr) -> anyhow::Result<LeptosOptions> {
    let hash_file = std::path::absolute(std::path::Path::new(site_root).join("hash.txt"))
        .context("locating the site's hash.txt")?;
    Ok(LeptosOptions::builder()
        .output_name("studio")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(address)
        .hash_files(hash_file.exists())
        .hash_file(hash_file.to_string_lossy().as_ref().into())
        .build())
}

/// Leptos's routes, listed once per process. Listing them runs the app with every resource's
/// loading suppressed by a flag that is process-wide (`leptos_server`'s `SuppressResourceLoad`):
/// a page that another server of the same process rendered meanwhile waited forever on a
/// resource first polled in that window (leptos-rs/leptos#4773; the tests start many servers in
/// one process). Listed here before the first server serves, and never again.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole router: health check, Leptos pages and server functions, static files.
pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let store = state.store.clone();
    let voices = state.voices.clone();
    let speaker_jobs = state.speaker_jobs.clone();
    let auditions = state.auditions.clone();
    let renders = state.renders.clone();
    let options = state.leptos_options.clone();
    let accounts = state.accounts.clone();
    let session_accounts = state.accounts.clone();
    Router::new()
        .merge(routes::routes())
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context::<Arc<dyn Accounts>>(accounts.clone());
                provide_context::<Arc<dyn PlanStore>>(store.clone());
                provide_context::<Arc<dyn ProjectStore>>(store.clone());
                provide_context::<Arc<dyn PronunciationStore>>(store.clone());
                provide_context::<Arc<dyn VoiceCatalogue>>(voices.clone());
                provide_context::<Arc<dyn SpeakerJobs>>(speaker_jobs.clone());
                provide_context::<Arc<dyn Auditions>>(auditions.clone());
                provide_context::<Arc<dyn Renders>>(renders.clone());
                provide_context(Arc::new(app::api::tokens::OpenApiDocument(
                    crate::rest::openapi::document(),
                )));
            },
            move || shell(options.clone()),
        )
        .nest_service("/pkg", static_files(&state.leptos_options))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn_with_state(
            session_accounts,
            accounts::layer::session,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Pages and answers change with the data and the session: the browser asks again each time.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(compression())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Pages and JSON answers compressed (brotli or gzip, as the browser accepts), but not Server-Sent
/// Events (each event must leave at once), audio (served in ranges) or what is already compressed.
fn compression() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .compress_when(DefaultPredicate::new().and(NotForContentType::const_new("audio/")))
}

/// The browser bundle and stylesheet (`/pkg`), in the brotli or gzip copy `build_site` made beside
/// each file when the browser accepts it. A name carrying a hash of its contents never changes
/// meaning, so the browser keeps it for a year without asking again; any other name is revalidated.
fn static_files(options: &LeptosOptions) -> axum::routing::MethodRouter {
    let folder =
        std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    axum::routing::get_service(
        ServeDir::new(folder)
            .precompressed_br()
            .precompressed_gzip(),
    )
    .layer(axum::middleware::map_response(
        |uri: axum::http::Uri, mut response: axum::response::Response| async move {
            let caching = if is_content_hashed(uri.path()) {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            };
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static(caching));
            response
        },
    ))
}

/// Whether the file name of `path` carries a content hash, as `studio.<hash>.wasm` does: a part
/// between its first and last dots of at least 16 letters, digits, `-` or `_`.
fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let mut parts = name.split('.');
    let (Some(_stem), Some(hash), Some(_extension), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    hash.len() >= 16
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::is_content_hashed;

    #[test]
    fn only_names_with_a_content_hash_are_immutable() {
        assert!(is_content_hashed("/studio.3f2a9c0d1e4b5a67.wasm"));
        assert!(is_content_hashed("/pkg/studio.3f2a9c0d1e4b5a67.css"));
        assert!(!is_content_hashed("/studio_bg.wasm"));
        assert!(!is_content_hashed("/studio.css"));
        assert!(!is_content_hashed("/studio.min.js"));
        assert!(!is_content_hashed("/studio.3f2a9c0d1e4b5a67.wasm.br"));
        assert!(!is_content_hashed(
            "/snippets/x.3f2a9c0d1e4b5a67/inline0.js"
        ));
    }
}
