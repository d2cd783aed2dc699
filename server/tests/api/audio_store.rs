//! Where the audio cache lives: `AudioStore::from_vars` (a folder by default, an S3-compatible
//! bucket when named, refused without its keys), and a bucket that cannot be used stops the
//! server at start. The audition tests run against whichever store `helpers` picks, so with
//! `TEST_S3_ENDPOINT` (as `.ci/run` sets it) every one of them runs against a real S3 server.

use std::collections::HashMap;

use server::{
    config::{AudioBucket, AudioStore},
    Application,
};

use crate::helpers::test_config;

fn read(vars: &[(&str, &str)]) -> anyhow::Result<AudioStore> {
    let map: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    AudioStore::from_vars(|name| map.get(name).cloned())
}

fn bucket(vars: &[(&str, &str)]) -> AudioBucket {
    match read(vars).unwrap() {
        AudioStore::Bucket(bucket) => bucket,
        AudioStore::Folder(dir) => panic!("a folder {dir:?}, not a bucket"),
    }
}

const KEYS: [(&str, &str); 2] = [
    ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"),
    ("AWS_SECRET_ACCESS_KEY", "very-secret"),
];

#[test]
fn without_a_bucket_the_audio_is_a_folder() {
    assert!(matches!(read(&[]).unwrap(), AudioStore::Folder(dir) if dir.as_os_str() == "audio"));
    assert!(matches!(
        read(&[("STUDIO_AUDIO_DIR", "/var/studio/audio")]).unwrap(),
        AudioStore::Folder(dir) if dir.as_os_str() == "/var/studio/audio"
    ));
}

#[test]
fn a_bucket_is_named_with_an_optional_folder_and_keeps_its_secret_out_of_logs() {
    let plain = bucket(&[("STUDIO_AUDIO_BUCKET", "studio-audio"), KEYS[0], KEYS[1]]);
    assert_eq!(plain.name, "studio-audio");
    assert_eq!(plain.prefix, None);
    assert_eq!(plain.endpoint, None);
    assert_eq!(plain.region, "us-east-1");

    let nested = bucket(&[
        ("STUDIO_AUDIO_BUCKET", "books/studio/audio/"),
        ("STUDIO_AUDIO_BUCKET_ENDPOINT", "http://127.0.0.1:9000"),
        ("STUDIO_AUDIO_BUCKET_REGION", "eu-west-3"),
        KEYS[0],
        KEYS[1],
    ]);
    assert_eq!(nested.name, "books");
    assert_eq!(nested.prefix.as_deref(), Some("studio/audio"));
    assert_eq!(nested.endpoint.as_deref(), Some("http://127.0.0.1:9000"));
    assert_eq!(nested.region, "eu-west-3");
    let shown = format!("{nested:?}");
    assert!(!shown.contains("very-secret"), "{shown}");
    assert!(shown.contains("AKIAEXAMPLE"), "{shown}");
}

#[test]
fn a_bucket_without_its_keys_or_with_a_bad_endpoint_is_refused() {
    let error = read(&[("STUDIO_AUDIO_BUCKET", "b"), KEYS[0]]).unwrap_err();
    assert!(
        error.to_string().contains("AWS_SECRET_ACCESS_KEY"),
        "{error}"
    );
    let error = read(&[("STUDIO_AUDIO_BUCKET", "b"), KEYS[1]]).unwrap_err();
    assert!(error.to_string().contains("AWS_ACCESS_KEY_ID"), "{error}");
    let error = read(&[
        ("STUDIO_AUDIO_BUCKET", "b"),
        ("STUDIO_AUDIO_BUCKET_ENDPOINT", "127.0.0.1:9000"),
        KEYS[0],
        KEYS[1],
    ])
    .unwrap_err();
    assert!(error.to_string().contains("http://"), "{error}");
}

#[tokio::test]
async fn a_bucket_that_cannot_be_reached_stops_the_server_at_start_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(dir.path());
    // Nothing listens on port 1.
    config.audio_store = AudioStore::Bucket(AudioBucket {
        name: "unreachable-audio".to_owned(),
        prefix: None,
        endpoint: Some("http://127.0.0.1:1".to_owned()),
        region: "us-east-1".to_owned(),
        access_key_id: "key".to_owned(),
        secret_access_key: "secret".to_owned(),
    });

    let error = Application::build(config)
        .await
        .err()
        .expect("the server refuses to start");

    let message = format!("{error:#}");
    assert!(message.contains("unreachable-audio"), "{message}");
    assert!(message.contains("STUDIO_AUDIO_BUCKET"), "{message}");
}
