//! The studio binary: reads the configuration, starts tracing, serves the app until stopped.

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    server::telemetry::init();
    let config = server::config::Config::from_env().context("reading the configuration")?;
    server::runtime()
        .context("starting the async runtime")?
        .block_on(async {
            let app = server::Application::build(config)
                .await
                .context("starting the studio")?;
            tracing::info!("listening on http://{}", app.address());
            app.run().await.context("serving")
        })
}
