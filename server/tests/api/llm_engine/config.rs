//! `LlmConfig::from_vars`: which variables select which provider, defaults and refusals.

use std::collections::HashMap;

use server::config::{LlmConfig, LlmProvider};

fn read(vars: &[(&str, &str)]) -> anyhow::Result<Option<LlmConfig>> {
    let map: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    LlmConfig::from_vars(|name| map.get(name).cloned())
}

#[test]
fn without_a_provider_there_is_no_llm() {
    assert!(read(&[]).unwrap().is_none());
    assert!(read(&[("STUDIO_LLM_PROVIDER", "  ")]).unwrap().is_none());
    assert!(read(&[("STUDIO_LLM_API_KEY", "sk")]).unwrap().is_none());
}

#[test]
fn openai_defaults_its_url_and_needs_a_key_and_a_model() {
    let config = read(&[
        ("STUDIO_LLM_PROVIDER", "openai"),
        ("STUDIO_LLM_API_KEY", "sk-1"),
        ("STUDIO_LLM_MODEL", "gpt-4o-mini"),
    ])
    .unwrap()
    .unwrap();
    assert_eq!(config.provider, LlmProvider::OpenAi);
    assert_eq!(config.url, "https://api.openai.com/v1");
    assert_eq!(config.api_key.as_deref(), Some("sk-1"));
    assert_eq!(config.model, "gpt-4o-mini");
    assert_eq!(config.requests_per_minute, 30);
    assert!(
        !format!("{config:?}").contains("sk-1"),
        "the key never reaches a log"
    );
    let error = read(&[("STUDIO_LLM_PROVIDER", "openai"), ("STUDIO_LLM_MODEL", "m")]).unwrap_err();
    assert!(error.to_string().contains("STUDIO_LLM_API_KEY"), "{error}");
    let error = read(&[
        ("STUDIO_LLM_PROVIDER", "openai"),
        ("STUDIO_LLM_API_KEY", "k"),
    ])
    .unwrap_err();
    assert!(error.to_string().contains("STUDIO_LLM_MODEL"), "{error}");
}

#[test]
fn azure_needs_its_resource_url_and_a_deployment() {
    let config = read(&[
        ("STUDIO_LLM_PROVIDER", "azure"),
        ("STUDIO_LLM_URL", "https://studio.openai.azure.com/"),
        ("STUDIO_LLM_API_KEY", "k"),
        ("STUDIO_LLM_MODEL", "gpt-4o-mini"),
        ("STUDIO_LLM_REQUESTS_PER_MINUTE", "6"),
    ])
    .unwrap()
    .unwrap();
    assert_eq!(config.url, "https://studio.openai.azure.com");
    assert_eq!(config.api_version, "2024-10-21");
    assert_eq!(config.requests_per_minute, 6);
    assert!(read(&[
        ("STUDIO_LLM_PROVIDER", "azure"),
        ("STUDIO_LLM_API_KEY", "k"),
        ("STUDIO_LLM_MODEL", "d")
    ])
    .is_err());
    let error = read(&[
        ("STUDIO_LLM_PROVIDER", "azure"),
        ("STUDIO_LLM_URL", "https://x.openai.azure.com"),
        ("STUDIO_LLM_API_KEY", "k"),
        ("STUDIO_LLM_MODEL", "../admin?x="),
    ])
    .unwrap_err();
    assert!(error.to_string().contains("deployment"), "{error}");
}

#[test]
fn a_local_server_needs_nothing_but_the_provider() {
    let config = read(&[("STUDIO_LLM_PROVIDER", "local")]).unwrap().unwrap();
    assert_eq!(config.provider, LlmProvider::Local);
    assert_eq!(config.url, "http://127.0.0.1:8080/v1");
    assert_eq!(config.api_key, None);
    assert_eq!(config.model, "local");
}

#[test]
fn bad_values_are_refused() {
    for vars in [
        vec![("STUDIO_LLM_PROVIDER", "anthropic")],
        vec![
            ("STUDIO_LLM_PROVIDER", "local"),
            ("STUDIO_LLM_URL", "127.0.0.1:8080"),
        ],
        vec![
            ("STUDIO_LLM_PROVIDER", "local"),
            ("STUDIO_LLM_REQUESTS_PER_MINUTE", "0"),
        ],
        vec![
            ("STUDIO_LLM_PROVIDER", "local"),
            ("STUDIO_LLM_REQUESTS_PER_MINUTE", "fast"),
        ],
    ] {
        assert!(read(&vars).is_err(), "{vars:?}");
    }
}
