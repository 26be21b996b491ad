//! The HTTP client: `ureq` (blocking, rustls), one request at a time, with
//! a timeout per request and retries with exponential backoff.
//!
//! Retried: HTTP 429 and 5xx (waiting as long as `Retry-After` asks, when it
//! gives seconds), timeouts and dropped connections. Anything else (4xx,
//! an unknown host, a bad URL) fails at once with the status and the start
//! of the body.

use std::time::Duration;

use super::paging::{Fetch, FetchError};

/// Largest response body read (a page of 1,000 items is about 1 MB).
pub const MAX_BODY_BYTES: u64 = 64 * 1024 * 1024;

/// How often and how long to retry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// Wait before the first retry; doubled for each further retry.
    pub base_delay: Duration,
    /// Longest backoff wait.
    pub max_delay: Duration,
    /// Longest `Retry-After` honoured; a longer one ends the run.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 5,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// Backoff before retry number `retry` (0 for the first): base × 2^retry,
    /// capped at `max_delay`.
    pub fn backoff(&self, retry: u32) -> Duration {
        let factor = 1u32.checked_shl(retry.min(20)).unwrap_or(u32::MAX);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }

    /// The wait before retry number `retry`: the server's `Retry-After` when
    /// it gave one, else the backoff. `Err` with the asked wait when the
    /// server asks for longer than `max_retry_after`.
    pub fn wait(&self, retry: u32, retry_after: Option<Duration>) -> Result<Duration, Duration> {
        match retry_after {
            Some(d) if d > self.max_retry_after => Err(d),
            Some(d) => Ok(d),
            None => Ok(self.backoff(retry)),
        }
    }
}

/// `Retry-After` in its delay-seconds form. The HTTP-date form is not
/// parsed (`None`: the backoff is used instead).
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// Whether an HTTP status is worth retrying.
pub fn retryable_status(status: u16) -> bool {
    status == 429 || (500..=599).contains(&status)
}

/// The real client.
pub struct HttpFetcher {
    agent: ureq::Agent,
    policy: RetryPolicy,
    timeout: Duration,
    /// Told about every retry (the binary prints it).
    on_retry: Box<dyn FnMut(&str)>,
}

impl HttpFetcher {
    /// A client whose every request (connect, send, read the whole body)
    /// must finish within `timeout`.
    pub fn new(timeout: Duration, policy: RetryPolicy, on_retry: Box<dyn FnMut(&str)>) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .user_agent(concat!(
                "planner-refresh-prices/",
                env!("CARGO_PKG_VERSION")
            ))
            .build()
            .into();
        Self {
            agent,
            policy,
            timeout,
            on_retry,
        }
    }

    /// One attempt: `Ok(body)`, or the failure and whether to retry it
    /// (with the server's `Retry-After`).
    fn attempt(&self, url: &str) -> Result<String, (String, bool, Option<Duration>)> {
        let response = self
            .agent
            .get(url)
            .header("Accept", "application/json")
            .call();
        let mut response = match response {
            Ok(r) => r,
            Err(e) => {
                let transient = matches!(
                    e,
                    ureq::Error::Timeout(_) | ureq::Error::Io(_) | ureq::Error::ConnectionFailed
                );
                let message = match e {
                    ureq::Error::Timeout(_) => {
                        format!("no complete answer within {} s", self.timeout.as_secs_f64())
                    }
                    ureq::Error::HostNotFound => "the host name cannot be resolved".to_string(),
                    other => format!("the request failed: {other}"),
                };
                return Err((message, transient, None));
            }
        };
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY_BYTES)
            .read_to_string();
        if status == 200 {
            return body.map_err(|e| {
                let transient = matches!(e, ureq::Error::Timeout(_) | ureq::Error::Io(_));
                (
                    format!("the response body cannot be read: {e}"),
                    transient,
                    None,
                )
            });
        }
        let start: String = body.unwrap_or_default().chars().take(300).collect();
        let message = if start.trim().is_empty() {
            format!("HTTP {status}")
        } else {
            format!("HTTP {status}: {}", start.trim())
        };
        Err((message, retryable_status(status), retry_after))
    }
}

impl Fetch for HttpFetcher {
    fn get(&mut self, url: &str) -> Result<String, FetchError> {
        let mut retry = 0u32;
        loop {
            let (message, transient, retry_after) = match self.attempt(url) {
                Ok(body) => return Ok(body),
                Err(e) => e,
            };
            let fail = |message: String| FetchError {
                url: url.to_string(),
                message,
            };
            if !transient {
                return Err(fail(message));
            }
            if retry >= self.policy.max_retries {
                return Err(fail(format!(
                    "{message}; gave up after {} attempts",
                    self.policy.max_retries + 1
                )));
            }
            let wait = self.policy.wait(retry, retry_after).map_err(|asked| {
                fail(format!(
                    "{message}; the API asks to wait {} s (Retry-After), more than the {} s this tool waits: try again later",
                    asked.as_secs(),
                    self.policy.max_retry_after.as_secs()
                ))
            })?;
            let why = if retry_after.is_some() {
                " (Retry-After)"
            } else {
                ""
            };
            let after = if wait < Duration::from_secs(1) {
                format!("{} ms", wait.as_millis())
            } else {
                format!("{:.1} s", wait.as_secs_f64())
            };
            (self.on_retry)(&format!(
                "{message}; retry {}/{} in {after}{why}",
                retry + 1,
                self.policy.max_retries
            ));
            std::thread::sleep(wait);
            retry += 1;
        }
    }
}
