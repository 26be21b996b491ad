//! The API queries: one per service, region and price type, narrowed to the
//! products the engine uses, and the URL each one is sent as.

use super::needs::{Need, Scope};
use crate::engine::pricing::PriceType;

/// The API version: backward compatible, and the one that returns
/// savings-plan prices; its filter values are case-sensitive.
pub const API_VERSION: &str = "2023-01-01-preview";

/// The public endpoint.
pub const DEFAULT_BASE_URL: &str = "https://prices.azure.com/api/retail/prices";

/// One query: `serviceName eq … and armRegionName eq … and priceType eq …
/// and (productName eq … or …)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub service: &'static str,
    /// `None` for global services (Front Door, Traffic Manager), whose
    /// meters come back under `Global`, a zone or no region at all.
    pub region: Option<String>,
    pub price_type: PriceType,
    pub products: Vec<&'static str>,
}

impl Query {
    /// Short description for progress and error messages.
    pub fn label(&self) -> String {
        format!(
            "{} · {} · {}",
            self.region.as_deref().unwrap_or("all regions and zones"),
            self.service,
            price_type_name(self.price_type)
        )
    }

    /// The OData `$filter` expression.
    pub fn filter(&self) -> String {
        let mut f = format!("serviceName eq {}", odata_string(self.service));
        if let Some(region) = &self.region {
            f.push_str(&format!(" and armRegionName eq {}", odata_string(region)));
        }
        f.push_str(&format!(
            " and priceType eq {}",
            odata_string(price_type_name(self.price_type))
        ));
        match self.products.as_slice() {
            [] => {}
            [one] => f.push_str(&format!(" and productName eq {}", odata_string(one))),
            many => {
                let any: Vec<String> = many
                    .iter()
                    .map(|p| format!("productName eq {}", odata_string(p)))
                    .collect();
                f.push_str(&format!(" and ({})", any.join(" or ")));
            }
        }
        f
    }

    /// The first page's URL.
    pub fn url(&self, base_url: &str, currency: &str) -> String {
        let sep = if base_url.contains('?') { '&' } else { '?' };
        format!(
            "{base_url}{sep}api-version={API_VERSION}&currencyCode={}&$filter={}",
            percent_encode(&odata_string(currency)),
            percent_encode(&self.filter())
        )
    }
}

/// The API's spelling of a price type.
pub fn price_type_name(t: PriceType) -> &'static str {
    match t {
        PriceType::Consumption => "Consumption",
        PriceType::Reservation => "Reservation",
    }
}

/// An OData string literal: in single quotes, a quote inside doubled.
pub fn odata_string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The queries that fetch every needed meter: for each service, one query
/// per region and price type (Reservation only where a meter of that
/// service is reserved), or one query across all regions for a service whose
/// meters are global or zonal.
pub fn plan_queries(needs: &[Need], regions: &[String]) -> Vec<Query> {
    // Services in first-seen order, split by regional / not.
    let mut groups: Vec<(&'static str, bool)> = Vec::new();
    for n in needs {
        let g = (n.key.service, n.scope == Scope::Regional);
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    let products_of = |service: &str, regional: bool, reserved_only: bool| -> Vec<&'static str> {
        let mut p: Vec<&'static str> = Vec::new();
        for n in needs {
            if n.key.service == service
                && (n.scope == Scope::Regional) == regional
                && (!reserved_only || n.reservations)
                && !p.contains(&n.key.product)
            {
                p.push(n.key.product);
            }
        }
        p
    };
    let mut out = Vec::new();
    for &(service, regional) in groups.iter().filter(|g| g.1) {
        for region in regions {
            out.push(Query {
                service,
                region: Some(region.clone()),
                price_type: PriceType::Consumption,
                products: products_of(service, regional, false),
            });
            let reserved = products_of(service, regional, true);
            if !reserved.is_empty() {
                out.push(Query {
                    service,
                    region: Some(region.clone()),
                    price_type: PriceType::Reservation,
                    products: reserved,
                });
            }
        }
    }
    for &(service, _) in groups.iter().filter(|g| !g.1) {
        out.push(Query {
            service,
            region: None,
            price_type: PriceType::Consumption,
            products: products_of(service, false, false),
        });
    }
    out
}

/// Percent-encodes a query value: everything but the RFC 3986 unreserved
/// characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Makes a `NextPageLink` safe to request: the API returns links with raw
/// spaces and quotes in the `$filter`, which an HTTP client rejects. Bytes
/// that may not appear in a URL are percent-encoded; everything else,
/// including existing `%XX` escapes, is kept.
pub fn sanitize_link(link: &str) -> String {
    let mut out = String::with_capacity(link.len() + 16);
    for b in link.trim().bytes() {
        let allowed = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b':'
                    | b'/'
                    | b'?'
                    | b'#'
                    | b'['
                    | b']'
                    | b'@'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'%'
            );
        if allowed {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `url` with its `$skip` parameter set to `skip` (added if absent). Used
/// when a full page comes back without a `NextPageLink`.
pub fn with_skip(url: &str, skip: usize) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, q),
        None => (url, ""),
    };
    let mut params: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let name = p.split('=').next().unwrap_or_default();
            name != "$skip" && name != "%24skip"
        })
        .map(str::to_string)
        .collect();
    params.push(format!("$skip={skip}"));
    format!("{base}?{}", params.join("&"))
}

/// `link` with every parameter in `names` that `first` has and `link`
/// lacks copied over from `first`, so a next-page link that dropped the
/// api-version or the currency still asks for them.
pub fn carry_params(link: &str, first: &str, names: &[&str]) -> String {
    let param = |url: &str, name: &str| -> Option<String> {
        let query = url.split_once('?').map(|(_, q)| q)?;
        query
            .split('&')
            .find(|p| p.split('=').next() == Some(name))
            .map(str::to_string)
    };
    let mut out = link.to_string();
    for name in names {
        if param(link, name).is_none() {
            if let Some(p) = param(first, name) {
                out.push(if out.contains('?') { '&' } else { '?' });
                out.push_str(&p);
            }
        }
    }
    out
}

/// The lower-cased host (without port) of an absolute http(s) URL.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let authority = authority.rsplit('@').next().unwrap_or_default();
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    if host.is_empty() {
        None
    } else {
        Some(host.to_ascii_lowercase())
    }
}
