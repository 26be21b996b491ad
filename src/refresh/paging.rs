//! Following `NextPageLink` until it is null, with two guards:
//!
//! * the known glitch (Microsoft Q&A 1188465): a page that is full but has
//!   no `NextPageLink`. The page size has been 100 and 1,000, so a page whose
//!   length is a positive multiple of 100 and has no link is taken as
//!   possibly cut short, and the same query is asked again with `$skip` set
//!   to the items read so far; an empty answer ends the query;
//! * a next link that dropped `api-version` or `currencyCode` gets them back
//!   from the first URL (else the next page would come in USD);
//! * loops: a link already followed, a link to another host, or more pages
//!   than the limit is an error, never an endless run.

use std::collections::HashSet;

use super::api::{parse_page, Item};
use super::query::{carry_params, host_of, sanitize_link, with_skip};

/// Fetches one URL's body. The HTTP client implements it; tests use a map.
pub trait Fetch {
    fn get(&mut self, url: &str) -> Result<String, FetchError>;
}

/// A request that failed for good (after any retries).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} (GET {url})")]
pub struct FetchError {
    pub url: String,
    pub message: String,
}

/// Why a query's pages could not all be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PagingError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("{message} (GET {url})")]
    BadPage { url: String, message: String },
    #[error("the API sent the same next-page link twice ({url}); stopped to avoid a loop")]
    Loop { url: String },
    #[error("the next-page link {url} points to another host than {base}; not followed")]
    OtherHost { url: String, base: String },
    #[error("more than {max_pages} pages for one query; stopped (raise --max-pages if this is expected)")]
    TooManyPages { max_pages: usize },
}

/// What paging did, for the progress line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageStats {
    pub pages: usize,
    pub items: usize,
    /// Times a full page without a link was followed up with `$skip`.
    pub skip_fallbacks: usize,
}

/// A page of this many items with no next link may have been cut short.
pub fn looks_full(items_on_page: usize) -> bool {
    items_on_page >= 100 && items_on_page.is_multiple_of(100)
}

/// Reads every page of the query that starts at `first_url`.
pub fn fetch_all(
    fetch: &mut dyn Fetch,
    first_url: &str,
    max_pages: usize,
) -> Result<(Vec<Item>, PageStats), PagingError> {
    let base_host = host_of(first_url);
    let mut seen: HashSet<String> = HashSet::new();
    let mut items: Vec<Item> = Vec::new();
    let mut stats = PageStats::default();
    let mut url = first_url.to_string();
    loop {
        if stats.pages >= max_pages {
            return Err(PagingError::TooManyPages { max_pages });
        }
        if !seen.insert(url.clone()) {
            return Err(PagingError::Loop { url });
        }
        let body = fetch.get(&url)?;
        let page = parse_page(&body).map_err(|message| PagingError::BadPage {
            url: url.clone(),
            message,
        })?;
        stats.pages += 1;
        let on_page = page.items.len();
        let next = page.next_link().map(|l| {
            carry_params(
                &sanitize_link(l),
                first_url,
                &["api-version", "currencyCode"],
            )
        });
        items.extend(page.items);
        stats.items = items.len();
        match next {
            Some(_) if on_page == 0 => break,
            Some(link) => {
                if host_of(&link) != base_host {
                    return Err(PagingError::OtherHost {
                        url: link,
                        base: base_host.unwrap_or_default(),
                    });
                }
                url = link;
            }
            None if looks_full(on_page) => {
                stats.skip_fallbacks += 1;
                url = with_skip(first_url, items.len());
            }
            None => break,
        }
    }
    Ok((items, stats))
}
