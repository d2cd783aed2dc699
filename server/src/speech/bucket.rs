//! The audio cache in an S3-compatible bucket, through `object_store`'s S3 client. Its HTTP goes
//! through the studio's own `reqwest` (rustls with ring), so the bucket adds no second HTTP stack
//! and no C crypto build: [`ReqwestConnector`] adapts a `reqwest::Client` to `object_store`'s
//! [`HttpService`].

use std::{sync::Arc, time::Duration};

use anyhow::Context;
use async_trait::async_trait;
use http_body_util::BodyExt;
use object_store::{
    aws::AmazonS3Builder,
    client::{
        ClientOptions, HttpClient, HttpConnector, HttpError, HttpErrorKind, HttpRequest,
        HttpResponse, HttpResponseBody, HttpService,
    },
    path::Path as ObjectPath,
    prefix::PrefixStore,
    ObjectStore, RetryConfig,
};

use crate::config::AudioBucket;

/// The longest a request to the bucket may take (a clip is at most a few megabytes).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The bucket as an object store, its clips under the configured prefix.
///
/// # Errors
/// When the client cannot be built from the settings.
pub fn open(bucket: &AudioBucket) -> anyhow::Result<Arc<dyn ObjectStore>> {
    let mut builder = AmazonS3Builder::new()
        .with_bucket_name(&bucket.name)
        .with_region(&bucket.region)
        .with_access_key_id(&bucket.access_key_id)
        .with_secret_access_key(&bucket.secret_access_key)
        .with_http_connector(ReqwestConnector)
        .with_retry(RetryConfig {
            max_retries: 3,
            retry_timeout: Duration::from_secs(20),
            ..RetryConfig::default()
        });
    if let Some(endpoint) = &bucket.endpoint {
        // Services other than AWS (MinIO, Garage, moto…) name the bucket in the path.
        builder = builder
            .with_endpoint(endpoint)
            .with_allow_http(endpoint.starts_with("http://"))
            .with_virtual_hosted_style_request(false);
    }
    let store = builder
        .build()
        .with_context(|| format!("configuring the audio bucket {}", bucket.name))?;
    Ok(match &bucket.prefix {
        Some(prefix) => Arc::new(PrefixStore::new(store, prefix.as_str())),
        None => Arc::new(store),
    })
}

/// Lists a folder of the bucket that holds nothing: an answer proves the bucket is there and the
/// keys are accepted; an error is a configuration error worth stopping for.
///
/// # Errors
/// When the bucket cannot be reached, does not exist or refuses the keys.
pub async fn probe(objects: &dyn ObjectStore, bucket: &AudioBucket) -> anyhow::Result<()> {
    // A listing, not a HEAD: a HEAD's answer has no body, so a missing bucket would look like a
    // missing object.
    match objects
        .list_with_delimiter(Some(&ObjectPath::from("studio-probe")))
        .await
    {
        Ok(_) => Ok(()),
        Err(error) => Err(anyhow::Error::new(error)).with_context(|| {
            format!(
                "the audio bucket {} cannot be used (check STUDIO_AUDIO_BUCKET, its endpoint, \
                 region and keys)",
                bucket.name
            )
        }),
    }
}

/// Makes `object_store`'s clients speak through `reqwest`.
#[derive(Debug, Clone, Copy)]
struct ReqwestConnector;

impl HttpConnector for ReqwestConnector {
    fn connect(&self, _options: &ClientOptions) -> object_store::Result<HttpClient> {
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(REQUEST_TIMEOUT)
            .build()
            .map_err(|error| object_store::Error::Generic {
                store: "S3",
                source: Box::new(error),
            })?;
        Ok(HttpClient::new(ReqwestService(client)))
    }
}

#[derive(Debug)]
struct ReqwestService(reqwest::Client);

#[async_trait]
impl HttpService for ReqwestService {
    async fn call(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        let (parts, body) = request.into_parts();
        // A clip is small: sending it whole gives the request its exact Content-Length.
        let body = body.collect().await?.to_bytes();
        let url = reqwest::Url::parse(&parts.uri.to_string())
            .map_err(|error| HttpError::new(HttpErrorKind::Request, error))?;
        let mut outgoing = reqwest::Request::new(parts.method, url);
        *outgoing.headers_mut() = parts.headers;
        *outgoing.body_mut() = Some(body.into());
        let response = self.0.execute(outgoing).await.map_err(failure)?;
        let (parts, body) = http::Response::<reqwest::Body>::from(response).into_parts();
        Ok(HttpResponse::from_parts(
            parts,
            HttpResponseBody::new(body.map_err(failure)),
        ))
    }
}

/// `object_store` retries connection and request failures, not others.
fn failure(error: reqwest::Error) -> HttpError {
    let kind = if error.is_connect() {
        HttpErrorKind::Connect
    } else if error.is_timeout() {
        HttpErrorKind::Timeout
    } else if error.is_body() || error.is_decode() {
        HttpErrorKind::Decode
    } else if error.is_request() {
        HttpErrorKind::Request
    } else {
        HttpErrorKind::Unknown
    };
    HttpError::new(kind, error)
}
