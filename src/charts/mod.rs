//! Charts (see mod docs).
