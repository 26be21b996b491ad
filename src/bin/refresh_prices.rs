//! `refresh-prices`: regenerates a price sheet from the Azure Retail Prices API.
fn main() {}
